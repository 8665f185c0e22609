import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second step of generate.py: rewrites the "query" of every {@code "kind": "traditional"} line into Traditional
 * script with opencc4j. Run with opencc4j and its dependencies on the class path:
 * {@code java -cp <jars> src/test/resources/relevance/ToTraditional.java src/test/resources/relevance/judged-queries.jsonl}
 */
class ToTraditional {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Pattern query = Pattern.compile("^\\{\"query\": \"([^\"]*)\"(, \"kind\": \"traditional\".*)$");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = query.matcher(line);
            out.add(m.matches() ? "{\"query\": \"" + ZhConverterUtil.toTraditional(m.group(1)) + "\"" + m.group(2) : line);
        }
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
