package dev.trafficengineer.rules.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void parsesKubernetesSuffixes() {
        assertThat(Quantity.parse("500m").orElseThrow().value()).isEqualByComparingTo("0.5");
        assertThat(Quantity.parse("1.5Gi").orElseThrow().value()).isEqualByComparingTo("1610612736");
        assertThat(Quantity.parse("2e3").orElseThrow().value()).isEqualByComparingTo("2000");
        assertThat(Quantity.parse("1.5Gb")).isEmpty();
        assertThat(Quantity.parse("50%")).isEmpty();
        assertThat(Quantity.parse("")).isEmpty();
    }

    @Test
    void precisionAsTheVpaAdmissionControllerChecksIt() {
        assertThat(Quantity.parse("250m").orElseThrow().isWholeMilli()).isTrue();
        assertThat(Quantity.parse("0.0001").orElseThrow().isWholeMilli()).isFalse();
        assertThat(Quantity.parse("100m").orElseThrow().isWhole()).isFalse();
        assertThat(Quantity.parse("256Mi").orElseThrow().isWhole()).isTrue();
    }

    @Property
    void binaryAndDecimalSuffixesOrderLikeTheirValues(@ForAll @IntRange(min = 1, max = 4096) int n) {
        Quantity mi = Quantity.parse(n + "Mi").orElseThrow();
        Quantity m = Quantity.parse(n + "M").orElseThrow();
        assertThat(mi.compareTo(m)).isPositive();
        assertThat(mi.value()).isEqualByComparingTo(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1L << 20)));
    }
}
