package id.laporwarga.emulators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template with SnakeYAML. The short-form intrinsic tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) become their long JSON forms ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}, GetAtt
 * {@code "A.B"} becomes {@code ["A", "B"]}), exactly as CloudFormation reads them. Timestamps stay strings.
 */
public final class CfnYaml {
    private static final List<String> FN_TAGS = List.of("Sub", "GetAtt", "Join", "If", "Select", "Split", "Equals",
            "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform", "Length",
            "ToJsonString");

    private CfnYaml() {
    }

    /** Parses a template; the root must be a mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new Constructor(options)).load(yaml);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("a template must be a YAML mapping");
        }
        return (Map<String, Object>) root;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            // CloudFormation keeps dates such as 2010-09-09 as strings
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            this.yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            this.yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String fn : FN_TAGS) {
                this.yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    if ("Fn::GetAtt".equals(key)) {
                        int dot = text.indexOf('.');
                        if (dot <= 0) {
                            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got: " + text);
                        }
                        value = new ArrayList<>(Arrays.asList(text.substring(0, dot), text.substring(dot + 1)));
                    } else {
                        value = text;
                    }
                } else if (node instanceof SequenceNode seq) {
                    value = constructSequence(seq);
                } else if (node instanceof MappingNode map) {
                    value = constructMapping(map);
                } else {
                    throw new IllegalArgumentException("unexpected YAML node for " + key + ": " + node);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(key, value);
                return out;
            }
        }
    }
}
