package dev.trafficengineer.promql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.AtModifier;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Cardinality;
import dev.trafficengineer.promql.ast.DurationBinary;
import dev.trafficengineer.promql.ast.DurationCall;
import dev.trafficengineer.promql.ast.DurationExpr;
import dev.trafficengineer.promql.ast.DurationNegation;
import dev.trafficengineer.promql.ast.DurationParen;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.LabelMatcher;
import dev.trafficengineer.promql.ast.MatrixSelector;
import dev.trafficengineer.promql.ast.Modifiers;
import dev.trafficengineer.promql.ast.NumberLiteral;
import dev.trafficengineer.promql.ast.ParenExpr;
import dev.trafficengineer.promql.ast.StringLiteral;
import dev.trafficengineer.promql.ast.SubqueryExpr;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.ValueType;
import dev.trafficengineer.promql.ast.VectorMatching;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders our tree in the shape of the expected trees in {@code parse-cases.json} (upstream's Go structs, converted
 * to JSON), and normalises both sides, so a parsed case can be compared node for node.
 */
final class UpstreamAst {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private UpstreamAst() {}

    static JsonNode of(Expr e) {
        if (e instanceof NumberLiteral n) {
            return number(n);
        }
        if (e instanceof StringLiteral s) {
            return node("StringLiteral").put("Val", s.value());
        }
        if (e instanceof VectorSelector vs) {
            return selector(vs);
        }
        if (e instanceof MatrixSelector m) {
            ObjectNode o = node("MatrixSelector");
            o.set("VectorSelector", selector(m.selector()));
            duration(o, "Range", m.range());
            return o;
        }
        if (e instanceof SubqueryExpr s) {
            ObjectNode o = node("SubqueryExpr");
            o.set("Expr", of(s.expr()));
            duration(o, "Range", s.range());
            if (s.step() != null) {
                duration(o, "Step", s.step());
            }
            modifiers(o, s.modifiers());
            return o;
        }
        if (e instanceof Call c) {
            ObjectNode o = node("Call");
            o.set("Func", node("Function").put("name", c.name()));
            ArrayNode args = o.putArray("Args");
            c.args().forEach(a -> args.add(of(a)));
            return o;
        }
        if (e instanceof AggregateExpr a) {
            ObjectNode o = node("AggregateExpr");
            o.put("Op", a.op().name());
            o.set("Expr", of(a.expr()));
            if (a.param() != null) {
                o.set("Param", of(a.param()));
            }
            if (!a.grouping().isEmpty()) {
                ArrayNode g = o.putArray("Grouping");
                a.grouping().forEach(g::add);
            }
            if (a.without()) {
                o.put("Without", "true");
            }
            return o;
        }
        if (e instanceof BinaryExpr b) {
            ObjectNode o = node("BinaryExpr");
            o.put("Op", b.op().tokenName());
            o.set("LHS", of(b.lhs()));
            o.set("RHS", of(b.rhs()));
            if (b.returnBool()) {
                o.put("ReturnBool", "true");
            }
            if (b.lhs().type() == ValueType.INSTANT_VECTOR && b.rhs().type() == ValueType.INSTANT_VECTOR) {
                o.set("VectorMatching", matching(b.matching()));
            }
            return o;
        }
        if (e instanceof UnaryExpr u) {
            ObjectNode o = node("UnaryExpr");
            o.put("Op", u.negative() ? "SUB" : "ADD");
            o.set("Expr", of(u.expr()));
            return o;
        }
        ParenExpr p = (ParenExpr) e;
        ObjectNode o = node("ParenExpr");
        o.set("Expr", of(p.expr()));
        return o;
    }

    private static ObjectNode node(String type) {
        ObjectNode o = F.objectNode();
        o.put("_type", type);
        return o;
    }

    private static ObjectNode number(NumberLiteral n) {
        ObjectNode o = node("NumberLiteral");
        o.put("Val", n.value());
        if (n.duration()) {
            o.put("Duration", "true");
        }
        return o;
    }

    private static JsonNode selector(VectorSelector vs) {
        ObjectNode o = node("VectorSelector");
        if (vs.name() != null) {
            o.put("Name", vs.name());
        }
        ArrayNode ms = o.putArray("LabelMatchers");
        for (LabelMatcher m : vs.matchers()) {
            ms.add(node("Matcher").put("name", m.name()).put("op", m.op().symbol()).put("value", m.value()));
        }
        if (vs.name() != null) {
            ms.add(node("Matcher").put("name", "__name__").put("op", "=").put("value", vs.name()));
        }
        modifiers(o, vs.modifiers());
        return o;
    }

    private static void modifiers(ObjectNode o, Modifiers m) {
        if (m.offset() != null) {
            duration(o, "OriginalOffset", m.offset());
        }
        AtModifier at = m.at();
        if (at != null) {
            switch (at.anchor()) {
                case TIMESTAMP -> o.put("Timestamp", at.timestampMillis());
                case START -> o.put("StartOrEnd", "START");
                case END -> o.put("StartOrEnd", "END");
            }
        }
        if (m.anchored()) {
            o.put("Anchored", "true");
        }
        if (m.smoothed()) {
            o.put("Smoothed", "true");
        }
    }

    /** A literal becomes {@code <field>} in nanoseconds, anything else {@code <field>Expr}, as upstream stores it. */
    private static void duration(ObjectNode o, String field, DurationExpr d) {
        if (d instanceof NumberLiteral n) {
            o.put(field, GoNumbers.secondsToNanos(n.value()));
        } else {
            o.set(field.equals("OriginalOffset") ? "OriginalOffsetExpr" : field + "Expr", durationExpr(d));
        }
    }

    private static ObjectNode durationExpr(DurationExpr d) {
        if (d instanceof NumberLiteral n) {
            return number(n);
        }
        if (d instanceof DurationBinary b) {
            ObjectNode o = node("DurationExpr");
            o.put("Op", b.op().tokenName());
            o.set("LHS", durationExpr(b.lhs()));
            o.set("RHS", durationExpr(b.rhs()));
            return o;
        }
        if (d instanceof DurationNegation n) {
            ObjectNode o = node("DurationExpr");
            o.put("Op", "SUB");
            o.set("RHS", durationExpr(n.operand()));
            return o;
        }
        if (d instanceof DurationParen p) {
            ObjectNode inner = durationExpr(p.inner());
            if (p.inner() instanceof NumberLiteral) {
                // upstream wraps a parenthesised literal in a unary plus so that it prints its parentheses
                ObjectNode o = node("DurationExpr");
                o.put("Op", "ADD");
                o.set("RHS", inner);
                inner = o;
            }
            inner.put("Wrapped", "true");
            return inner;
        }
        DurationCall c = (DurationCall) d;
        ObjectNode o = node("DurationExpr");
        o.put("Op", c.function().name());
        if (!c.args().isEmpty()) {
            o.set("LHS", durationExpr(c.args().get(0)));
            o.set("RHS", durationExpr(c.args().get(1)));
        }
        return o;
    }

    private static ObjectNode matching(VectorMatching m) {
        ObjectNode o = node("VectorMatching");
        o.put("Card", switch (m.cardinality()) {
            case ONE_TO_ONE -> "CardOneToOne";
            case MANY_TO_ONE -> "CardManyToOne";
            case ONE_TO_MANY -> "CardOneToMany";
            case MANY_TO_MANY -> "CardManyToMany";
        });
        if (!m.labels().isEmpty()) {
            ArrayNode a = o.putArray("MatchingLabels");
            m.labels().forEach(a::add);
        }
        if (m.on()) {
            o.put("On", "true");
        }
        if (!m.include().isEmpty()) {
            ArrayNode a = o.putArray("Include");
            m.include().forEach(a::add);
        }
        return o;
    }

    /**
     * Removes what carries no meaning: zero offsets, empty lists, {@code "nil"} children, upstream-only flags; turns
     * a zero-valued VectorMatching into one-to-one; makes every number a double.
     */
    static JsonNode normalize(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = F.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("_elems")) {
                    out.put("Card", "CardOneToOne");
                    continue;
                }
                if (k.equals("BypassEmptyMatcherCheck") || (v.isTextual() && v.asText().equals("nil"))
                        || (k.equals("OriginalOffset") && v.isNumber() && v.asLong() == 0)
                        || (v.isArray() && v.size() == 0 && !k.equals("LabelMatchers") && !k.equals("Args"))) {
                    continue;
                }
                if (k.equals("Val") && n.path("_type").asText().equals("NumberLiteral")) {
                    out.put("Val", v.isTextual() ? Double.parseDouble(v.asText().replace("Inf", "Infinity"))
                            : v.asDouble());
                    continue;
                }
                out.set(k, normalize(v));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = F.arrayNode();
            n.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (n.isNumber() && !n.isIntegralNumber()) {
            return F.numberNode(n.asDouble());
        }
        if (n.isNumber()) {
            return F.numberNode(n.asLong());
        }
        return n;
    }
}
