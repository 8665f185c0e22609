package org.policysearch.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "国发〔2020〕3号",
                "国发[2020]3号",
                "国发（2020）3号",
                "国发(2020)3号",
                "国发［2020］03号",
                "国发【2020】3号",
                " 国发 〔2020〕 3 号 ",
                "国发〔２０２０〕３号",
                "国发〔2020〕第3号"
            })
    void normalisesEveryBracketStyle(String written) {
        assertThat(DocNumbers.normalize(written)).contains("国发〔2020〕3号");
    }

    @Test
    void keepsMultiCharacterPrefixes() {
        assertThat(DocNumbers.normalize("国办发[2019]45号")).contains("国办发〔2019〕45号");
        assertThat(DocNumbers.normalize("中组发〔2021〕8号")).contains("中组发〔2021〕8号");
        assertThat(DocNumbers.normalize("法释〔2022〕15号")).contains("法释〔2022〕15号");
    }

    @Test
    void rejectsWhatIsNotADocNumber() {
        assertThat(DocNumbers.normalize("2020年3月6日")).isEmpty();
        assertThat(DocNumbers.normalize("国发〔20XX〕X号")).isEmpty();
        assertThat(DocNumbers.normalize("关于印发国发〔2020〕3号文件的通知")).isEmpty();
        assertThat(DocNumbers.normalize(null)).isEmpty();
    }

    @Test
    void findsNumbersInRunningTextWithoutTheLeadIn() {
        String text = "根据国发(2020)3号和国办发〔2019〕45号文件精神，按照中办发[2018]12号要求，再次重申国发〔2020〕3号。";
        assertThat(DocNumbers.find(text)).containsExactly("国发〔2020〕3号", "国办发〔2019〕45号", "中办发〔2018〕12号");
    }

    @Test
    void findsNothingInPlainText() {
        assertThat(DocNumbers.find("今年(2020)工作要点共3项")).isEmpty();
        assertThat(DocNumbers.find(null)).isEmpty();
    }

    @Test
    void prefixIsTheIssuerCode() {
        assertThat(DocNumbers.prefix("国办发〔2019〕45号")).isEqualTo("国办发");
    }
}
