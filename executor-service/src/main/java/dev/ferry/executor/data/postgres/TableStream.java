package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.PostgresCopier.Chunk;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Streams one chunk from the source's COPY TO STDOUT straight into the target's COPY FROM STDIN,
 * re-packing the source's row-sized messages into large target messages. A whole table is loaded
 * in the transaction that truncates it, with FREEZE, so it is all-or-nothing and needs no later
 * vacuum; ranges of a split table load in their own transactions.
 */
final class TableStream {
    private static final int BUFFER = 1 << 18;

    private final Progress progress;

    TableStream(Progress progress) {
        this.progress = progress;
    }

    void copy(Sql.Pair pair, Chunk chunk) throws SQLException {
        Catalog.Table table = chunk.table();
        String columns = table.columns().isEmpty() ? "" : " (" + String.join(", ", table.columns()) + ")";
        String format = table.binary() ? "format binary" : "format text";
        String out;
        if (chunk.whole()) {
            out = "copy " + table.name() + columns + " to stdout (" + format + ")";
        } else {
            String where = "ctid >= '(" + chunk.fromBlock() + ",0)'::tid"
                    + (chunk.toBlock() < 0 ? "" : " and ctid < '(" + chunk.toBlock() + ",0)'::tid");
            String select = table.columns().isEmpty() ? "*" : String.join(", ", table.columns());
            out = "copy (select " + select + " from only " + table.name() + " where " + where + ") to stdout (" + format
                    + ")";
        }
        String in =
                "copy " + table.name() + columns + " from stdin (" + format + (chunk.whole() ? ", freeze" : "") + ")";
        if (chunk.whole()) {
            target(pair, "begin");
            target(pair, "truncate only " + table.name());
        }
        long rows = relay(pair, out, in, chunk);
        if (chunk.whole()) {
            target(pair, "commit");
        }
        progress.chunkDone(chunk, rows);
    }

    private static void target(Sql.Pair pair, String sql) throws SQLException {
        try {
            Sql.exec(pair.target(), sql);
        } catch (SQLException e) {
            throw new Sql.SideFailure("target", e);
        }
    }

    private long relay(Sql.Pair pair, String outSql, String inSql, Chunk chunk) throws SQLException {
        CopyOut copyOut;
        CopyIn copyIn;
        try {
            copyOut = pair.source().unwrap(PGConnection.class).getCopyAPI().copyOut(outSql);
        } catch (SQLException e) {
            throw new Sql.SideFailure("source", e);
        }
        try {
            copyIn = pair.target().unwrap(PGConnection.class).getCopyAPI().copyIn(inSql);
        } catch (SQLException e) {
            cancel(copyOut);
            throw new Sql.SideFailure("target", e);
        }
        byte[] buffer = new byte[BUFFER];
        int filled = 0;
        try {
            while (true) {
                byte[] row;
                try {
                    row = copyOut.readFromCopy();
                } catch (SQLException e) {
                    throw new Sql.SideFailure("source", e);
                }
                if (row == null) {
                    break;
                }
                if (filled + row.length > buffer.length) {
                    write(copyIn, buffer, filled);
                    progress.bytes(filled);
                    filled = 0;
                    if (row.length > buffer.length) {
                        write(copyIn, row, row.length);
                        progress.bytes(row.length);
                        continue;
                    }
                }
                System.arraycopy(row, 0, buffer, filled, row.length);
                filled += row.length;
            }
            if (filled > 0) {
                write(copyIn, buffer, filled);
                progress.bytes(filled);
            }
            try {
                return copyIn.endCopy();
            } catch (SQLException e) {
                throw new Sql.SideFailure("target", e);
            }
        } catch (SQLException | RuntimeException e) {
            cancel(copyIn);
            cancel(copyOut);
            String state = e instanceof SQLException sql ? sql.getSQLState() : null;
            throw new SQLException(e.getMessage() + " (streaming " + chunk.describe() + ")", state, e);
        }
    }

    private static void write(CopyIn copyIn, byte[] data, int length) throws SQLException {
        try {
            copyIn.writeToCopy(data, 0, length);
        } catch (SQLException e) {
            throw new Sql.SideFailure("target", e);
        }
    }

    private static void cancel(org.postgresql.copy.CopyOperation op) {
        try {
            if (op != null && op.isActive()) {
                op.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is already gone
        }
    }
}
