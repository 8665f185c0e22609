package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policysearch.search.UserQuery.Group;
import org.policysearch.search.UserQuery.Scope;
import org.policysearch.search.UserQuery.Term;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;

class QueryParserTest {

    private static Term word(String text) {
        return new Term(text, false, Scope.ANY, null);
    }

    private static Term phrase(String text) {
        return new Term(text, true, Scope.ANY, null);
    }

    private static List<Term> terms(UserQuery q) {
        return q.required().stream().map(g -> g.alternatives().get(0)).toList();
    }

    @Test
    void wordsSeparatedBySpaceAreEachRequired() {
        UserQuery q = QueryParser.parse("乡村振兴  人才\t政策");
        assertThat(terms(q)).containsExactly(word("乡村振兴"), word("人才"), word("政策"));
        assertThat(q.required()).allSatisfy(g -> assertThat(g.alternatives()).hasSize(1));
        assertThat(q.excluded()).isEmpty();
    }

    @Test
    void aWholeQuestionIsOneLooseTerm() {
        String question = "北京市对于因疫情影响暂停举办的展会项目有何支持政策？";
        assertThat(terms(QueryParser.parse(question))).containsExactly(word(question));
    }

    @Test
    void ideographicSpaceSeparatesToo() {
        assertThat(terms(QueryParser.parse("疫情　防控"))).containsExactly(word("疫情"), word("防控"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"全面从严治党\"", "“全面从严治党”", "「全面从严治党」", "『全面从严治党』", "“全面从严治党\"", "\"全面从严治党”"})
    void everyQuoteStyleMakesAPhrase(String query) {
        assertThat(terms(QueryParser.parse(query))).containsExactly(phrase("全面从严治党"));
    }

    @Test
    void aPhraseKeepsItsSpacesAndSitsBetweenWords() {
        UserQuery q = QueryParser.parse("党建\"基层 党组织\"建设");
        assertThat(terms(q)).containsExactly(word("党建"), phrase("基层 党组织"), word("建设"));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(terms(QueryParser.parse("政策 “乡村振兴 战略"))).containsExactly(word("政策"), phrase("乡村振兴 战略"));
    }

    @Test
    void minusExcludesAWordOrAPhrase() {
        UserQuery q = QueryParser.parse("疫情防控 -新闻 -\"核酸检测\" －通知");
        assertThat(terms(q)).containsExactly(word("疫情防控"));
        assertThat(q.excluded()).containsExactly(word("新闻"), phrase("核酸检测"), word("通知"));
    }

    @Test
    void aHyphenInsideAWordOrAloneIsNotAnExclusion() {
        UserQuery q = QueryParser.parse("2021-2025 - 规划");
        assertThat(terms(q)).containsExactly(word("2021-2025"), word("规划"));
        assertThat(q.excluded()).isEmpty();
    }

    @Test
    void onlyExclusionsLeaveNothingRequired() {
        UserQuery q = QueryParser.parse("-疫情");
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.excluded()).containsExactly(word("疫情"));
    }

    @Test
    void orJoinsTheTermsAroundIt() {
        UserQuery q = QueryParser.parse("扶贫 OR 脱贫 OR \"精准扶贫\" 政策");
        assertThat(q.required())
                .containsExactly(
                        new Group(List.of(word("扶贫"), word("脱贫"), phrase("精准扶贫"))), new Group(List.of(word("政策"))));
    }

    @Test
    void lowerCaseOrAndDanglingOrAreNotOperators() {
        assertThat(terms(QueryParser.parse("扶贫 or 脱贫"))).containsExactly(word("扶贫"), word("or"), word("脱贫"));
        UserQuery dangling = QueryParser.parse("OR 扶贫 OR");
        assertThat(dangling.required()).containsExactly(new Group(List.of(word("扶贫"))));
    }

    @Test
    void titleScopesAWordOrAPhrase() {
        UserQuery q = QueryParser.parse("title:乡村振兴 TITLE:\"实施意见\" 标题：通知 title: 规划");
        assertThat(terms(q))
                .containsExactly(
                        new Term("乡村振兴", false, Scope.TITLE, null),
                        new Term("实施意见", true, Scope.TITLE, null),
                        new Term("通知", false, Scope.TITLE, null),
                        new Term("规划", false, Scope.TITLE, null));
    }

    @Test
    void excludedTitleTerm() {
        UserQuery q = QueryParser.parse("规划 -title:征求意见");
        assertThat(q.excluded()).containsExactly(new Term("征求意见", false, Scope.TITLE, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"国发〔2020〕3号", "国发[2020]3号", "国发（2020）3号", "国发 [2020] 3号"})
    void aDocumentNumberIsRecognisedInAnyBracketStyle(String query) {
        UserQuery q = QueryParser.parse(query);
        assertThat(q.positiveTerms()).singleElement().satisfies(t -> {
            assertThat(t.docNumber()).isEqualTo("国发〔2020〕3号");
            assertThat(t.scope()).isEqualTo(Scope.ANY);
        });
    }

    @Test
    void aDocumentNumberAmongWordsIsRecognisedToo() {
        UserQuery q = QueryParser.parse("国发[2020]3号 通知");
        assertThat(q.positiveTerms().get(0).docNumber()).isEqualTo("国发〔2020〕3号");
        assertThat(q.positiveTerms().get(1).docNumber()).isNull();
    }

    @Test
    void controlAndFormatCharactersAreStripped() {
        UserQuery q = QueryParser.parse("乡村\u0000振兴\u200b\u0007 \ufeff人才\u202e");
        assertThat(terms(q)).containsExactly(word("乡村振兴"), word("人才"));
    }

    @Test
    void punctuationOnlyWordsAreDropped() {
        UserQuery q = QueryParser.parse("？？ 乡村振兴 、 \"\" ，。");
        assertThat(terms(q)).containsExactly(word("乡村振兴"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u0000\u0001"})
    void blankQueriesAreEmpty(String query) {
        assertThat(QueryParser.parse(query).isEmpty()).isTrue();
        assertThat(QueryParser.parse(null).isEmpty()).isTrue();
    }

    @Test
    void syntaxCharactersOfOtherEnginesAreJustText() {
        UserQuery q = QueryParser.parse("税收* /政.*策/ a~2 (b AND c)");
        assertThat(terms(q)).extracting(Term::text).containsExactly("税收*", "/政.*策/", "a~2", "(b", "AND", "c)");
        assertThat(terms(q)).allSatisfy(t -> assertThat(t.phrase()).isFalse());
    }

    @Test
    void tooLongIsRefused() {
        assertThat(QueryParser.parse("政".repeat(QueryParser.MAX_CHARS)).positiveTerms())
                .hasSize(1);
        assertThatThrownBy(() -> QueryParser.parse("政".repeat(QueryParser.MAX_CHARS + 1)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    }

    @Test
    void tooManyTermsAreRefused() {
        String ok = "词 ".repeat(QueryParser.MAX_TERMS);
        assertThat(QueryParser.parse(ok).positiveTerms()).hasSize(QueryParser.MAX_TERMS);
        assertThatThrownBy(() -> QueryParser.parse(ok + "-另"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
        assertThatThrownBy(() -> QueryParser.parse("a OR ".repeat(40))).isInstanceOf(ApiException.class);
    }

    @Test
    void manyQuotesAndOperatorsParseQuicklyAndBounded() {
        String hostile = "\"-\"title:\"OR\"-".repeat(15);
        long start = System.nanoTime();
        UserQuery q = QueryParser.parse(hostile.substring(0, 5 * 14));
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
        assertThat(q.termCount()).isLessThanOrEqualTo(QueryParser.MAX_TERMS);
        // At full length it has more quoted phrases than allowed.
        assertThatThrownBy(() -> QueryParser.parse(hostile.substring(0, QueryParser.MAX_CHARS)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    }

    @Test
    void tooManyAlternativesAreRefused() {
        String ten = String.join(" OR ", java.util.Collections.nCopies(QueryParser.MAX_OR_BRANCHES, "词"));
        assertThat(QueryParser.parse(ten).required().get(0).alternatives()).hasSize(QueryParser.MAX_OR_BRANCHES);
        assertThatThrownBy(() -> QueryParser.parse(ten + " OR 另"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
        // Many short groups are fine: the limit is on one OR chain.
        assertThat(QueryParser.parse("甲 OR 乙 丙 OR 丁").required()).hasSize(2);
    }

    @Test
    void tooManyPhrasesAreRefused() {
        String ok = "\"乡村\" ".repeat(QueryParser.MAX_PHRASES);
        assertThat(QueryParser.parse(ok).positiveTerms()).hasSize(QueryParser.MAX_PHRASES);
        assertThatThrownBy(() -> QueryParser.parse(ok + "-\"振兴\""))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    }
}
