package dev.trafficengineer.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaConverterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode convert(String schema) {
        return new SchemaConverter(json("{}"), name -> false).convertRoot(json(schema));
    }

    @Test
    void closesObjectsWithPropertiesButNotMapsOrPreservedOnes() {
        JsonNode out = convert("""
                {'type':'object','properties':{
                  'spec':{'type':'object','properties':{'a':{'type':'string'}}},
                  'labels':{'type':'object','additionalProperties':{'type':'string'}},
                  'free':{'type':'object','x-kubernetes-preserve-unknown-fields':true,'properties':{'b':{'type':'integer'}}},
                  'any':{'type':'object'}}}""");
        assertThat(out.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(out.at("/properties/spec/additionalProperties").asBoolean(true)).isFalse();
        assertThat(out.at("/properties/labels/additionalProperties")).isEqualTo(json("{'type':'string'}"));
        assertThat(out.at("/properties/free").has("additionalProperties")).isFalse();
        assertThat(out.at("/properties/any")).isEqualTo(json("{'type':'object'}"));
    }

    @Test
    void leavesLenientDefinitionsOpen() {
        JsonNode defs = json("""
                {'core.Pod':{'type':'object','properties':{'name':{'type':'string'}}},
                 'apps.Spec':{'type':'object','properties':{'template':{'$ref':'#/components/schemas/core.Pod'}}}}""");
        SchemaConverter converter = new SchemaConverter(defs, name -> name.startsWith("core."));
        JsonNode root = converter.convertRoot(json("{'$ref':'#/components/schemas/apps.Spec'}"));
        assertThat(root).isEqualTo(json("{'$ref':'#/$defs/apps.Spec'}"));
        assertThat(converter.definitions().get("apps.Spec").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(converter.definitions().get("core.Pod").has("additionalProperties")).isFalse();
    }

    @Test
    void turnsIntOrStringIntoOneTypeAndMarksQuantities() {
        JsonNode out = convert("""
                {'type':'object','properties':{
                  'port':{'anyOf':[{'type':'integer'},{'type':'string'}],'x-kubernetes-int-or-string':true},
                  'cpu':{'anyOf':[{'type':'integer'},{'type':'string'}],'x-kubernetes-int-or-string':true,
                         'pattern':'%s'},
                  'surge':{'type':'string','format':'int-or-string'}}}"""
                .formatted(SchemaConverter.QUANTITY_PATTERN.replace("\\", "\\\\")));
        assertThat(out.at("/properties/port")).isEqualTo(json("{'title':'int-or-string','type':['integer','string']}"));
        assertThat(out.at("/properties/cpu/title").asText()).isEqualTo("quantity");
        assertThat(out.at("/properties/cpu/type")).isEqualTo(json("['integer','string']"));
        assertThat(out.at("/properties/surge")).isEqualTo(json("{'title':'int-or-string','type':['integer','string']}"));
    }

    @Test
    void builtInQuantityAcceptsNumbersAndStrings() {
        JsonNode defs = json("{'io.k8s.apimachinery.pkg.api.resource.Quantity':{'type':'string'}}");
        SchemaConverter converter = new SchemaConverter(defs, name -> false);
        converter.convertRoot(json("{'$ref':'#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity'}"));
        JsonNode q = converter.definitions().get(SchemaConverter.QUANTITY);
        assertThat(q.path("type")).isEqualTo(json("['number','string']"));
        assertThat(q.path("pattern").asText()).isEqualTo(SchemaConverter.QUANTITY_PATTERN);
    }

    @Test
    void dropsDocumentationAndNamesCelRules() {
        JsonNode out = convert("""
                {'type':'object','description':'d','properties':{'n':{'type':'integer','format':'int32','default':1}},
                 'x-kubernetes-validations':[{'rule':'self.n > 0','message':'n must be positive'}]}""");
        assertThat(out.has("description")).isFalse();
        assertThat(out.at("/properties/n")).isEqualTo(json("{'type':'integer'}"));
        assertThat(out.path("$comment").asText()).contains("n must be positive");
    }

    @Test
    void stopsAtKeywordsItHasNoRuleFor() {
        assertThatThrownBy(() -> convert("{'type':'object','properties':{'a':{'type':'string','not':{}}}}"))
                .hasMessageContaining("'not'").hasMessageContaining("#/properties/a");
        assertThatThrownBy(() -> convert("{'anyOf':[{'type':'boolean'},{'type':'string'}]}"))
                .hasMessageContaining("anyOf other than int-or-string");
        assertThatThrownBy(() -> convert("{'$ref':'#/components/schemas/Missing'}"))
                .hasMessageContaining("missing definition: Missing");
    }
}
