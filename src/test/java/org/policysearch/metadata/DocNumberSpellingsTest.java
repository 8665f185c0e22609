package org.policysearch.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocNumberSpellingsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "国发〔2020〕3号",
                "国发[2020]3号",
                "国发［2020］3号",
                "国发（2020）3号",
                "国发(2020)3号",
                "国发【2020】3号",
                "国发﹝2020﹞3号",
                "国发 〔2020〕 3号",
                "国发〔２０２０〕３号",
                "国发〔2020〕第3号",
                "国发〔2020〕03号",
                " 国发[2020]3号 "
            })
    void everyBracketStyleBecomesTheCanonicalForm(String raw) {
        assertThat(DocNumbers.normalize(raw)).contains("国发〔2020〕3号");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"乡村振兴", "2020年3号", "国发〔2020〕", "〔2020〕3号", "国发〔2020〕3号文件要求", "国发〔1850〕3号", "国发〔2020〕123456号"})
    void anythingElseIsNotANumber(String raw) {
        assertThat(DocNumbers.normalize(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"中共中央办公厅厅字〔2019〕12号", "京政办发[2019]12号"})
    void longIssuersAreKept(String raw) {
        String issuer = raw.substring(0, raw.indexOf("2019") - 1);
        assertThat(DocNumbers.normalize(raw)).contains(issuer + "〔2019〕12号");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsNotANumber(String raw) {
        assertThat(DocNumbers.normalize(raw)).isEmpty();
        assertThat(DocNumbers.normalize(null)).isEmpty();
    }
}
