package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.promql.ast.Expr;
import java.util.List;

/** One lint check over a parsed, type-checked query. Implementations are stateless. */
public interface LintCheck {

    RuleInfo info();

    List<QueryProblem> check(Expr query, QueryContext context);
}
