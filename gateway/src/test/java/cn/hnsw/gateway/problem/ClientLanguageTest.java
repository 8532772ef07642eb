package cn.hnsw.gateway.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|true",
            "en-US,en;q=0.9|true",
            "zh-CN,zh;q=0.9,en;q=0.8|false",
            "fr-FR,en;q=0.5|false",
            "zh;q=0.5,en;q=0.9|true",
            "*|false",
            "en;q=0|false",
            ";;;q=x|false",
            "''|false"})
    void prefersEnglishOnlyWhenEnglishIsTheFirstChoice(String header, boolean english) {
        MockServerHttpRequest request = MockServerHttpRequest.get("/").header("Accept-Language", header).build();
        assertThat(ClientLanguage.prefersEnglish(request)).isEqualTo(english);
    }

    @Test
    void chineseWithoutAHeader() {
        assertThat(ClientLanguage.prefersEnglish(MockServerHttpRequest.get("/").build())).isFalse();
    }
}
