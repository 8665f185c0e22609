# An Elasticsearch node with the project's analysis plugin. Build context: the repository root, after
# `mvn -f es-plugin/pom.xml package` has produced es-plugin/target/policy-analysis.zip.
ARG ES_VERSION=8.19.7
FROM docker.elastic.co/elasticsearch/elasticsearch:${ES_VERSION}
COPY es-plugin/target/policy-analysis.zip /tmp/policy-analysis.zip
RUN bin/elasticsearch-plugin install --batch file:///tmp/policy-analysis.zip
