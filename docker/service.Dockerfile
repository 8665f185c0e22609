# The search service. Build context: the repository root.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/policy-search policy && mkdir -p /var/lib/policy-search \
    && chown policy /var/lib/policy-search
COPY --from=build /src/target/policy-search-*.jar /opt/policy-search/policy-search.jar
USER policy
WORKDIR /var/lib/policy-search
ENV POLICY_DATA_DIR=/var/lib/policy-search
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/policy-search/policy-search.jar"]
