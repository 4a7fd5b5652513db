package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlExtractorTest {

    @Test
    void takesFencedBlocksAndJoinsSeveral() {
        String answer = "Sure!\n\n```yaml\nkind: A\n```\n\nand\n\n```yml\nkind: B\n```\nDone.";
        assertThat(YamlExtractor.extract(answer)).isEqualTo("kind: A\n---\nkind: B\n");
    }

    @Test
    void ignoresFencesOfOtherLanguages() {
        assertThat(YamlExtractor.extract("```bash\nkubectl apply\n```\n```\nkind: A\n```"))
                .isEqualTo("kind: A\n");
    }

    @Test
    void takesBareYamlFromTheFirstApiVersionLine() {
        assertThat(YamlExtractor.extract("Here you go:\napiVersion: v1\nkind: A\n")).isEqualTo("apiVersion: v1\nkind: A\n");
    }

    @Test
    void takesJsonAndTruncatedFences() {
        assertThat(YamlExtractor.extract("The object: {\"kind\": \"A\"}")).isEqualTo("{\"kind\": \"A\"}");
        assertThat(YamlExtractor.extract("```yaml\nkind: A\nspec:\n  min")).isEqualTo("kind: A\nspec:\n  min");
    }

    @Test
    void nothingWhenThereAreNoManifests() {
        assertThat(YamlExtractor.extract("I cannot help with that.")).isEmpty();
        assertThat(YamlExtractor.extract("")).isEmpty();
        assertThat(YamlExtractor.extract(null)).isEmpty();
    }
}
