package org.policysearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.policysearch.metadata.DocNumbers;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;

/**
 * Parses the user query language into a {@link UserQuery}. The language (also in {@code docs/search-query-language.md}):
 *
 * <ul>
 *   <li>{@code 乡村振兴 人才} — whitespace-separated words are all required; each word is matched loosely (words,
 *       bigrams and exact substring, see {@link QueryTemplate}), so a whole question typed without spaces works.
 *   <li>{@code "全面从严治党"}, {@code “全面从严治党”}, {@code 「全面從嚴治黨」}, {@code 『…』} — an exact phrase (substring).
 *       An unclosed quote runs to the end of the query.
 *   <li>{@code -疫情} — excludes documents containing the word (exactly); {@code -"…"} excludes a phrase.
 *   <li>{@code 扶贫 OR 脱贫} — either term (upper-case {@code OR} only; {@code or} is an ordinary word).
 *   <li>{@code title:乡村振兴}, {@code title:"…"}, {@code 标题:…} — looks in the title only; a full-width colon works too.
 *   <li>{@code 国发〔2020〕3号}, {@code 国发[2020]3号}, {@code 国发（2020）3号} — a document number: exact lookup on the
 *       stored number, or the number in the text.
 * </ul>
 *
 * <p>Safety: the parser only produces terms, which {@link QueryBuilder} turns into typed match/phrase/term queries, so
 * no regular expression, wildcard or script reaches Elasticsearch. Control and format characters (zero-width spaces,
 * BOMs) are stripped; queries longer than {@value #MAX_CHARS} characters, with more than {@value #MAX_TERMS} terms,
 * more than {@value #MAX_OR_BRANCHES} alternatives joined by {@code OR} or more than {@value #MAX_PHRASES} quoted
 * phrases are refused with {@link ErrorCode#INVALID_QUERY} before any work (each term becomes several clauses).
 */
public final class QueryParser {

    public static final int MAX_CHARS = 200;
    public static final int MAX_TERMS = 32;
    public static final int MAX_OR_BRANCHES = 10;
    public static final int MAX_PHRASES = 10;

    private static final List<String> TITLE_PREFIXES = List.of("title:", "title：", "标题:", "标题：", "標題:", "標題：");

    private QueryParser() {}

    public static UserQuery parse(String raw) {
        if (raw == null) {
            return new UserQuery(List.of(), List.of());
        }
        if (raw.length() > MAX_CHARS) {
            throw new ApiException(ErrorCode.INVALID_QUERY, "The query is longer than " + MAX_CHARS + " characters");
        }
        String q = clean(raw);
        // A number typed with spaces inside (国发 〔2020〕 3号) is still one number.
        Optional<String> wholeNumber = DocNumbers.normalize(q);
        if (wholeNumber.isPresent()) {
            UserQuery.Term term = new UserQuery.Term(q.strip(), false, UserQuery.Scope.ANY, wholeNumber.get());
            return new UserQuery(List.of(new UserQuery.Group(List.of(term))), List.of());
        }
        return group(tokens(q));
    }

    private record Token(String text, boolean phrase, boolean excluded, boolean title, boolean or) {}

    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static List<Token> tokens(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            if (q.charAt(i) == ' ') {
                i++;
                continue;
            }
            boolean excluded = false;
            boolean title = false;
            char c = q.charAt(i);
            if ((c == '-' || c == '－') && i + 1 < n && q.charAt(i + 1) != ' ') {
                excluded = true;
                i++;
            }
            String prefix = titlePrefix(q, i);
            if (prefix != null) {
                title = true;
                i += prefix.length();
                while (i < n && q.charAt(i) == ' ') {
                    i++;
                }
                if (i == n) {
                    break;
                }
            }
            char closer = closerOf(q.charAt(i));
            if (closer != 0) {
                int end = i + 1;
                while (end < n && !closes(closer, q.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(q.substring(i + 1, end).strip(), true, excluded, title, false));
                i = Math.min(end + 1, n);
            } else {
                int end = i;
                while (end < n && q.charAt(end) != ' ' && closerOf(q.charAt(end)) == 0) {
                    end++;
                }
                String word = q.substring(i, end);
                boolean or = word.equals("OR") && !excluded && !title;
                tokens.add(new Token(word, false, excluded, title, or));
                i = end;
            }
        }
        return tokens;
    }

    private static String titlePrefix(String q, int at) {
        for (String p : TITLE_PREFIXES) {
            if (q.regionMatches(true, at, p, 0, p.length())) {
                return p;
            }
        }
        return null;
    }

    private static char closerOf(char opener) {
        return switch (opener) {
            case '"' -> '"';
            case '＂' -> '＂';
            case '“' -> '”';
            case '「' -> '」';
            case '『' -> '』';
            default -> 0;
        };
    }

    // Mixed pairs are common when people type on a phone: “… closed by ", or "… closed by ”.
    private static boolean closes(char closer, char c) {
        return c == closer || ((closer == '"' || closer == '”' || closer == '＂') && (c == '"' || c == '”' || c == '＂'));
    }

    private static UserQuery group(List<Token> tokens) {
        List<List<UserQuery.Term>> groups = new ArrayList<>();
        List<UserQuery.Term> excluded = new ArrayList<>();
        boolean joinNext = false;
        int count = 0;
        int phrases = 0;
        for (Token t : tokens) {
            if (t.or()) {
                joinNext = !groups.isEmpty();
                continue;
            }
            if (!searchable(t.text())) {
                continue;
            }
            if (++count > MAX_TERMS) {
                throw new ApiException(ErrorCode.INVALID_QUERY, "The query has more than " + MAX_TERMS + " terms");
            }
            if (t.phrase() && ++phrases > MAX_PHRASES) {
                throw new ApiException(
                        ErrorCode.INVALID_QUERY, "The query has more than " + MAX_PHRASES + " quoted phrases");
            }
            UserQuery.Term term = new UserQuery.Term(
                    t.text(),
                    t.phrase(),
                    t.title() ? UserQuery.Scope.TITLE : UserQuery.Scope.ANY,
                    DocNumbers.normalize(t.text()).orElse(null));
            if (t.excluded()) {
                excluded.add(term);
                joinNext = false;
            } else if (joinNext) {
                List<UserQuery.Term> alternatives = groups.get(groups.size() - 1);
                if (alternatives.size() >= MAX_OR_BRANCHES) {
                    throw new ApiException(
                            ErrorCode.INVALID_QUERY, "More than " + MAX_OR_BRANCHES + " alternatives joined by OR");
                }
                alternatives.add(term);
                joinNext = false;
            } else {
                groups.add(new ArrayList<>(List.of(term)));
            }
        }
        return new UserQuery(groups.stream().map(UserQuery.Group::new).toList(), excluded);
    }

    // Punctuation-only words analyse to nothing, and an empty required clause would match nothing.
    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
