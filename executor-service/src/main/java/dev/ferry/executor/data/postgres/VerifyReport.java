package dev.ferry.executor.data.postgres;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a verification found: per-table counts and checksums on both sides, and every difference
 * (an empty list means the target matches the source).
 */
public record VerifyReport(List<TableCheck> tables, List<String> differences, List<String> notes, Duration elapsed) {

    /** One table on both sides; the checksum is the sum of a 64-bit hash of each row's text. */
    public record TableCheck(
            String table, long sourceRows, long targetRows, BigDecimal sourceSum, BigDecimal targetSum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceSum.equals(targetSum);
        }
    }

    public boolean ok() {
        return differences.isEmpty();
    }

    public long rows() {
        return tables.stream().mapToLong(TableCheck::sourceRows).sum();
    }
}
