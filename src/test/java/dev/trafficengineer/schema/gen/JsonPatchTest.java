package dev.trafficengineer.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode patch(String document, String operations) {
        List<JsonNode> ops = new ArrayList<>();
        json(operations).forEach(ops::add);
        return JsonPatch.apply(json(document), ops);
    }

    @Test
    void addsObjectMembersAndListItems() {
        JsonNode out = patch("{'a':{'req':['x']}}", """
                [{'op':'add','path':'/a/b','value':1},
                 {'op':'add','path':'/a/req/-','value':'y'},
                 {'op':'add','path':'/a/req/0','value':'w'}]""");
        assertThat(out).isEqualTo(json("{'a':{'req':['w','x','y'],'b':1}}"));
    }

    @Test
    void removesReplacesAndTests() {
        JsonNode out = patch("{'p':{'metricType':{},'name':{}},'r':['a','b','c']}", """
                [{'op':'remove','path':'/p/metricType'},
                 {'op':'test','path':'/r/1','value':'b'},
                 {'op':'remove','path':'/r/1'},
                 {'op':'replace','path':'/p/name','value':{'type':'string'}}]""");
        assertThat(out).isEqualTo(json("{'p':{'name':{'type':'string'}},'r':['a','c']}"));
    }

    @Test
    void leavesTheInputAlone() {
        JsonNode input = json("{'a':1}");
        JsonPatch.apply(input, List.of(json("{'op':'add','path':'/b','value':2}")));
        assertThat(input).isEqualTo(json("{'a':1}"));
    }

    @Test
    void ignoresMembersItDoesNotKnowAsRfc6902Requires() {
        assertThat(patch("{}", "[{'op':'add','path':'/x','value':true,'why':'because'}]"))
                .isEqualTo(json("{'x':true}"));
    }

    @Test
    void refusesWhatItCannotApply() {
        assertThatThrownBy(() -> patch("{}", "[{'op':'add','path':'/missing/x','value':1}]"))
                .hasMessageContaining("/missing/x");
        assertThatThrownBy(() -> patch("{'a':{}}", "[{'op':'remove','path':'/a/nothing'}]"))
                .hasMessageContaining("nothing there");
        assertThatThrownBy(() -> patch("{'r':[1]}", "[{'op':'remove','path':'/r/3'}]"))
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> patch("{'r':[1]}", "[{'op':'test','path':'/r/0','value':2}]"))
                .hasMessageContaining("test failed at /r/0");
        assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'move','from':'/a','path':'/b'}]"))
                .hasMessageContaining("unsupported JSON Patch operation 'move'");
    }
}
