package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void autoUsesAModelOnlyWhenOneIsConfigured() {
        assertThat(LlmSettings.resolve(null, null, null, null, null, Map.of(), Map.of()).enabled()).isFalse();
        assertThat(LlmSettings.resolve(null, null, null, null, null, Map.of("OPENAI_API_KEY", "k"), Map.of())
                .enabled()).isTrue();
        assertThat(LlmSettings.resolve("none", null, null, null, null, Map.of("OPENAI_API_KEY", "k"), Map.of())
                .enabled()).isFalse();
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverTheConfig() {
        Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://env/v1", "TRAFFIC_ENGINEER_MODEL", "env-model");
        Map<String, String> config = Map.of("baseUrl", "http://config/v1", "model", "config-model",
                "timeoutSeconds", "5", "maxRounds", "4");
        LlmSettings s = LlmSettings.resolve(null, null, "http://flag/v1", null, null, env, config);
        assertThat(s.baseUrl()).isEqualTo("http://flag/v1");
        assertThat(s.model()).isEqualTo("env-model");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxRounds()).isEqualTo(4);
    }

    @Test
    void theKeyIsNeverShown() {
        LlmSettings s = LlmSettings.resolve("openai", null, null, null, null, Map.of("OPENAI_API_KEY",
                "sk-very-secret"), Map.of());
        assertThat(s.toString()).doesNotContain("sk-very-secret").contains("apiKey=set");
    }

    @Test
    void openaiWithoutAnyEndpointIsAClearError() {
        assertThatThrownBy(() -> LlmSettings.resolve("openai", null, null, null, null, Map.of(), Map.of()))
                .hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> LlmSettings.resolve("gpt", null, null, null, null, Map.of(), Map.of()))
                .hasMessageContaining("use auto, none or openai");
    }
}
