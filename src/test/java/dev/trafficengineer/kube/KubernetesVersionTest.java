package dev.trafficengineer.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Releases as users and {@code kubectl version} write them. */
class KubernetesVersionTest {

    @Test
    void parsesVersionsWithPatchAndPrerelease() {
        assertThat(KubernetesVersion.parse("1.35")).isEqualTo(new KubernetesVersion(1, 35));
        assertThat(KubernetesVersion.parse("v1.33.4")).isEqualTo(new KubernetesVersion(1, 33));
        assertThat(KubernetesVersion.parse("1.36.0-rc.1")).isEqualTo(new KubernetesVersion(1, 36));
        assertThatThrownBy(() -> KubernetesVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubernetesVersion.parse("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsVendorBuildsAsTheirRelease() {
        assertThat(KubernetesVersion.parse(" v1.30.4+k3s1 ")).hasToString("1.30");
        assertThat(KubernetesVersion.parse("v1.29.6-eks-a737599")).hasToString("1.29");
    }

    @Test
    void rejectsWhatIsNoReleaseWithTheSameMessage() {
        for (String text : new String[] {"latest", "0.35", "1.99999999999", "", null}) {
            assertThatThrownBy(() -> KubernetesVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not a Kubernetes version such as 1.35");
        }
    }

    @Test
    void ordersByMajorThenMinor() {
        assertThat(new KubernetesVersion(1, 9)).isLessThan(new KubernetesVersion(1, 10));
        assertThat(new KubernetesVersion(1, 35).atLeast(1, 34)).isTrue();
        assertThat(new KubernetesVersion(1, 33).atLeast(1, 34)).isFalse();
    }
}
