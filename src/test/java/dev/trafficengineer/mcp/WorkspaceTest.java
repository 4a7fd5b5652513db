package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path outside;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("x.yaml"), "a: 1\n");
        Files.createDirectories(root.resolve("k8s/sub"));
        Files.writeString(root.resolve("k8s/a.yaml"), "a: 1\n");
        Files.writeString(root.resolve("k8s/sub/b.yml"), "b: 1\n");
        Files.writeString(root.resolve("k8s/notes.txt"), "not a manifest\n");
    }

    @Test
    void selectsManifestsUnderFilesAndDirectoriesWithNamesRelativeToTheRoot() {
        Workspace ws = Workspace.of(List.of(root), "test");
        Workspace.Selection s = ws.select(List.of("k8s", "k8s/a.yaml"));
        assertThat(s.files()).extracting(Workspace.Target::display).containsExactly("k8s/a.yaml", "k8s/sub/b.yml");
        assertThat(s.skipped()).isEmpty();
    }

    @Test
    void refusesWhatLiesOutsideByNameOrThroughALink() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("k8s/x.yaml"), outside.resolve("x.yaml"));
        Workspace ws = Workspace.of(List.of(root), "test");
        for (String p : List.of("../outside/x.yaml", outside.resolve("x.yaml").toString(), "/", "k8s/../../outside",
                "out", "out/x.yaml", "k8s/x.yaml")) {
            assertThatThrownBy(() -> ws.select(List.of(p))).as(p).isInstanceOf(ToolException.class)
                    .hasMessageContaining("outside the workspace");
        }
    }

    @Test
    void aLinkInsideADirectoryIsLeftOutAndNamed() throws IOException {
        Files.createSymbolicLink(root.resolve("k8s/x.yaml"), outside.resolve("x.yaml"));
        Workspace.Selection s = Workspace.of(List.of(root), "test").select(List.of("k8s"));
        assertThat(s.files()).extracting(Workspace.Target::display).containsExactly("k8s/a.yaml", "k8s/sub/b.yml");
        assertThat(s.skipped()).containsExactly("k8s/x.yaml (resolves to outside the workspace, or to a file that is"
                + " not a manifest)");
    }

    @Test
    void onlyManifestFilesAreReadByTheNameGivenAndTheRealName() throws IOException {
        Files.writeString(root.resolve(".env"), "DB_PASSWORD=x\n");
        Files.createSymbolicLink(root.resolve("env.yaml"), root.resolve(".env"));
        Workspace ws = Workspace.of(List.of(root), "test");
        for (String p : List.of("k8s/notes.txt", ".env", "env.yaml")) {
            assertThatThrownBy(() -> ws.select(List.of(p))).as(p).hasMessageContaining("is not a manifest file");
            assertThatThrownBy(() -> ws.file(p)).as(p).hasMessageContaining("is not a manifest file");
        }
        assertThatThrownBy(() -> ws.file("k8s")).hasMessageContaining("is not a file");
        assertThat(ws.file("k8s/a.yaml")).isEqualTo(root.resolve("k8s/a.yaml").toRealPath());
    }

    @Test
    void withoutRootsFromTheClientTheWorkspaceIsConfiguredOrTheWorkingDirectoryIfNarrow() throws IOException {
        Path home = tmp.resolve("home");
        assertThat(ClientRoots.fallback(List.of(root), tmp, home).roots()).containsExactly(root.toRealPath());
        assertThat(ClientRoots.fallback(List.of(), root, home).roots()).hasSize(1);
        assertThat(ClientRoots.fallback(List.of(), root.getRoot(), home).roots()).as("the filesystem root").isEmpty();
        assertThat(ClientRoots.fallback(List.of(), home, home).roots()).as("the home directory").isEmpty();
        assertThatThrownBy(() -> ClientRoots.fallback(List.of(), home, home).select(List.of("x.yaml")))
                .hasMessageContaining("too wide to be a workspace", "--workspace DIR");
    }

    @Test
    void aLinkThatStaysInsideIsRead() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.yaml"), root.resolve("k8s/a.yaml"));
        Workspace.Selection s = Workspace.of(List.of(root), "test").select(List.of("alias.yaml"));
        assertThat(s.files()).extracting(Workspace.Target::display).containsExactly("k8s/a.yaml");
    }

    @Test
    void aRootGivenThroughALinkStillMatchesPathsWrittenThroughIt() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(tmp.resolve("linked-root"), root);
        Workspace ws = Workspace.of(List.of(linkedRoot), "test");
        assertThat(ws.select(List.of(linkedRoot.resolve("k8s/a.yaml").toString())).files()).hasSize(1);
        assertThat(ws.select(List.of(root.resolve("k8s/a.yaml").toString())).files()).hasSize(1);
    }

    @Test
    void missingPathsEmptySelectionsAndNoRootsAreBadCalls() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Workspace ws = Workspace.of(List.of(root), "test");
        assertThatThrownBy(() -> ws.select(List.of("k8s/none.yaml"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ws.select(List.of("docs"))).hasMessageContaining("no manifests");
        assertThatThrownBy(() -> ws.select(List.of(" "))).hasMessageContaining("empty path");
        assertThatThrownBy(() -> Workspace.of(List.of(), "no roots announced").select(List.of("k8s")))
                .hasMessageContaining("no workspace to read from (no roots announced)");
        assertThat(Workspace.of(List.of(tmp.resolve("nope")), "test").roots()).isEmpty();
    }

    @Test
    void onlyLocalFileRootsCount() {
        assertThat(ClientRoots.fileRoot(root.toUri().toString())).isEqualTo(root);
        assertThat(ClientRoots.fileRoot("https://example.com/x")).isNull();
        assertThat(ClientRoots.fileRoot("not a uri")).isNull();
    }
}
