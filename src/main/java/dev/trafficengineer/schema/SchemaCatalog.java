package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The packaged schemas: {@code schemas/index.json} says which file holds which kind. The index is read on first use
 * and each kind's schema when that kind is first validated, so a run that only sees HPAs never parses the 270 KB
 * ScaledJob schema. Loading is thread-safe; a loaded schema is immutable and shared.
 */
final class SchemaCatalog {

    /** Names the schema documents for networknt; nothing is fetched from it (all $refs are local). */
    private static final String BASE_URI = "https://traffic-engineer.dev/schemas/";

    private final Function<String, InputStream> resources;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Built with the first schema: setting up the validator library costs start-up time no other command needs. */
    private volatile SchemaRegistry registry;
    private volatile Map<KindKey, Entry> index;

    /**
     * @param resources opens a file of the schemas folder by name ({@code index.json}, ...); null when absent
     */
    SchemaCatalog(Function<String, InputStream> resources) {
        this.resources = resources;
    }

    /** The schemas packaged in the jar (the top-level {@code schemas/} folder, on the classpath). */
    static SchemaCatalog onClasspath() {
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        return new SchemaCatalog(name -> loader.getResourceAsStream("schemas/" + name));
    }

    boolean knows(KindKey key) {
        return index().containsKey(key);
    }

    KindSchema schema(KindKey key) {
        Entry e = index().get(key);
        if (e == null) {
            throw new IllegalArgumentException("no schema for " + key);
        }
        return e.get();
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
                    registry = r;
                }
            }
        }
        return r;
    }

    private Map<KindKey, Entry> index() {
        Map<KindKey, Entry> i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = readIndex();
                    index = i;
                }
            }
        }
        return i;
    }

    private Map<KindKey, Entry> readIndex() {
        Map<KindKey, Entry> out = new HashMap<>();
        for (JsonNode k : read("index.json").path("kinds")) {
            out.put(new KindKey(k.path("apiVersion").asText(), k.path("kind").asText()),
                    new Entry(k.path("file").asText()));
        }
        return Map.copyOf(out);
    }

    private JsonNode read(String name) {
        try (InputStream in = resources.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("schemas/" + name + " is not packaged (run the build)");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas/" + name, e);
        }
    }

    /** One kind's schema, loaded once on first use. */
    private final class Entry {
        private final String file;
        private volatile KindSchema loaded;

        Entry(String file) {
            this.file = file;
        }

        KindSchema get() {
            KindSchema s = loaded;
            if (s == null) {
                synchronized (this) {
                    s = loaded;
                    if (s == null) {
                        JsonNode document = read(file);
                        Schema schema = registry().getSchema(SchemaLocation.of(BASE_URI + file), document);
                        schema.initializeValidators(); // resolve every $ref now, not during the first validation
                        s = new KindSchema(document, schema);
                        loaded = s;
                    }
                }
            }
            return s;
        }
    }
}
