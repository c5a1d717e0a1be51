package dev.ferry.executor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceDigestTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theCanonicalFormSortsKeysAtEveryLevelAndDropsWhitespace() throws Exception {
        String canonical = EvidenceDigest.canonical(
                mapper.readTree("{ \"b\": -2, \"a\": { \"d\": [1, \"x\\\"é\"], \"c\": null } }"));
        assertThat(canonical).isEqualTo("{\"a\":{\"c\":null,\"d\":[1,\"x\\\"é\"]},\"b\":-2}");
        // Known answer: printf '%s' '<the canonical text>' | sha256sum
        assertThat(EvidenceDigest.sha256(mapper.readTree(canonical)))
                .isEqualTo("9a66ac80e68251025aa7165bfffe549ec065d9fce3708a3f5a554295b144298f");
    }

    @Test
    void recordsDigestLikeTheirJsonAndAnyChangeChangesTheDigest() {
        Evidence.GateApproval one = new Evidence.GateApproval("gate", "ann", "rest", Instant.EPOCH, null);
        Evidence.GateApproval other = new Evidence.GateApproval("gate", "ann", "slack", Instant.EPOCH, null);
        assertThat(EvidenceDigest.canonical(one))
                .isEqualTo("{\"approvedBy\":\"ann\",\"at\":\"1970-01-01T00:00:00Z\",\"comment\":null,"
                        + "\"stepId\":\"gate\",\"via\":\"rest\"}");
        assertThat(EvidenceDigest.sha256(one)).hasSize(64).isNotEqualTo(EvidenceDigest.sha256(other));
    }

    @Test
    void stringsAreEscapedAsJqEscapesThem() {
        String text = "" + (char) 0x01 + (char) 0x7f + (char) 0x1b + "\b\f\t\n\r/\\é" + "\uD83D\uDE00";
        // What `jq -cj .` prints for the same string.
        assertThat(EvidenceDigest.quote(text)).isEqualTo("\"\\u0001\\u007f\\u001b\\b\\f\\t\\n\\r/\\\\é\uD83D\uDE00\"");
    }

    @Test
    void fractionsAreRefusedSoNumbersNeverDependOnFormatting() throws Exception {
        assertThatThrownBy(() -> EvidenceDigest.canonical(mapper.readTree("{\"x\": 1.5}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
