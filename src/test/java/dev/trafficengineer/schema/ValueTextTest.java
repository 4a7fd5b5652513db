package dev.trafficengineer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trafficengineer.source.JsonPointer;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void recognisesCredentialNames() {
        for (String name : new String[] {"password", "dbPassword", "accessToken", "api_key", "apiKey", "connection",
                "connectionString", "tlsCert", "clientSecret", "secretAccessKey", "bearer-token", "sasToken"}) {
            assertThat(ValueText.looksLikeCredential(name)).as(name).isTrue();
        }
        for (String name : new String[] {"name", "query", "serverAddress", "threshold", "minReplicas",
                "queueName", "activationThreshold", "passive"}) {
            assertThat(ValueText.looksLikeCredential(name)).as(name).isFalse();
        }
    }

    @Test
    void describesValuesAndHidesSecrets() {
        ValueText plain = ValueText.at("ScaledObject", JsonPointer.parse("spec.triggers[0].metadata.query"));
        assertThat(plain.describe(JSON.textNode("up"))).isEqualTo("the string \"up\"");
        assertThat(plain.describe(JSON.textNode("a\"b\n"))).isEqualTo("the string \"a\\\"b\\n\"");
        assertThat(plain.describe(JSON.textNode(""))).isEqualTo("an empty string");
        assertThat(plain.describe(JSON.numberNode(1.5))).isEqualTo("the number 1.5");
        assertThat(plain.describe(JSON.booleanNode(false))).isEqualTo("false");
        assertThat(plain.describe(JSON.arrayNode())).isEqualTo("a list");
        assertThat(plain.describe(JSON.textNode("y".repeat(41)))).isEqualTo("a string of 41 characters");

        ValueText secretData = ValueText.at("Secret", JsonPointer.parse("data.url"));
        assertThat(secretData.describe(JSON.textNode("aHR0cDovL3g="))).isEqualTo("a string");
        ValueText token = ValueText.at("TriggerAuthentication", JsonPointer.parse("spec.hashiCorpVault.credential.token"));
        assertThat(token.describe(JSON.numberNode(42))).isEqualTo("a number");
        ValueText env = ValueText.at("Deployment", JsonPointer.parse("spec.template.spec.containers[0].env[2].value"));
        assertThat(env.describe(JSON.textNode("hunter2"))).isEqualTo("a string");
    }
}
