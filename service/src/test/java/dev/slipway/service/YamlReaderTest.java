package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static final Path FILE = Path.of("serverless.yml");
    private final List<Problem> problems = new ArrayList<>();
    private final Locations loc = new Locations(FILE);

    private JsonNode read(String yaml) throws Exception {
        return YamlReader.read(yaml, FILE, loc, problems);
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s.replace('\'', '"'));
    }

    @Test
    void shortFormTags_becomeCloudFormationLongForm() throws Exception {
        JsonNode n = read("""
                a: !Ref Table
                b: !GetAtt Table.StreamArn
                c: !Sub 'arn:${AWS::Partition}:s3:::x'
                d: !Join ['', [a, !Ref B]]
                e: !If [IsProd, 1, 2]
                f: !Select [0, !GetAZs '']
                g: !Equals [!Ref Stage, prod]
                h: !Condition IsProd
                i: !GetAtt [Table, Arn]
                j: !Base64 hello
                k: !ImportValue shared-vpc
                l: !FindInMap [M, !Ref 'AWS::Region', ami]
                m: !Split [',', 'a,b']
                n: !Not [!Condition IsProd]
                """);
        assertThat(n).isEqualTo(json("""
                {'a': {'Ref': 'Table'}, 'b': {'Fn::GetAtt': ['Table', 'StreamArn']},
                 'c': {'Fn::Sub': 'arn:${AWS::Partition}:s3:::x'},
                 'd': {'Fn::Join': ['', ['a', {'Ref': 'B'}]]}, 'e': {'Fn::If': ['IsProd', 1, 2]},
                 'f': {'Fn::Select': [0, {'Fn::GetAZs': ''}]}, 'g': {'Fn::Equals': [{'Ref': 'Stage'}, 'prod']},
                 'h': {'Condition': 'IsProd'}, 'i': {'Fn::GetAtt': ['Table', 'Arn']}, 'j': {'Fn::Base64': 'hello'},
                 'k': {'Fn::ImportValue': 'shared-vpc'},
                 'l': {'Fn::FindInMap': ['M', {'Ref': 'AWS::Region'}, 'ami']},
                 'm': {'Fn::Split': [',', 'a,b']}, 'n': {'Fn::Not': [{'Condition': 'IsProd'}]}}
                """));
    }

    @Test
    void getAtt_splitsAtTheFirstDotOnly() throws Exception {
        assertThat(read("a: !GetAtt Bucket.Outputs.Name").get("a"))
                .isEqualTo(json("{'Fn::GetAtt': ['Bucket', 'Outputs.Name']}"));
    }

    @Test
    void scalars_followYamlCoreSchema() throws Exception {
        JsonNode n = read("i: 512\nf: 1.5\nb: true\nn: ~\ns: '512'\nv: '3'\nx: 0x10\n");
        assertThat(n.get("i").isInt()).isTrue();
        assertThat(n.get("f").asDouble()).isEqualTo(1.5);
        assertThat(n.get("b").asBoolean()).isTrue();
        assertThat(n.get("n").isNull()).isTrue();
        assertThat(n.get("s").isTextual()).isTrue();
        assertThat(n.get("x").asInt()).isEqualTo(16);
    }

    @Test
    void anchorsAndMergeKeys_areApplied() throws Exception {
        JsonNode n = read("""
                base: &base {memorySize: 512, timeout: 10}
                fn:
                  <<: *base
                  timeout: 20
                """);
        assertThat(n.get("fn")).isEqualTo(json("{'timeout': 20, 'memorySize': 512}"));
    }

    @Test
    void positions_areRecordedForKeysAndValues_oneBased() throws Exception {
        read("service: x\nfunctions:\n  users:\n    handler: a.B\n");
        assertThat(loc.value("functions.users.handler")).isEqualTo(new Locations.Position(FILE, 4, 14));
        assertThat(loc.key("functions.users")).isEqualTo(new Locations.Position(FILE, 3, 3));
        assertThat(loc.value("functions.users.handler.missing.deeper").line()).isEqualTo(4);
    }

    @Test
    void duplicateKeys_areReported() throws Exception {
        read("service: a\nservice: b\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("duplicate key \"service\"");
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void syntaxErrors_carryTheirPlace() {
        assertThatThrownBy(() -> read("a: [1, 2\nb: c\n")).isInstanceOf(YamlReader.SyntaxError.class)
                .satisfies(e -> assertThat(((YamlReader.SyntaxError) e).line).isGreaterThan(0));
    }

    @Test
    void unknownTags_areSyntaxErrorsNamingTheKnownOnes() {
        assertThatThrownBy(() -> read("a: !Reff X\n")).hasMessageContaining("unknown tag !Reff");
    }

    @Test
    void json_isReadWithPositions() throws Exception {
        JsonNode n = read("{\"service\": \"x\",\n \"provider\": {\"name\": \"aws\"}}");
        assertThat(n.path("provider").path("name").asText()).isEqualTo("aws");
        assertThat(loc.value("provider.name").line()).isEqualTo(2);
    }
}
