package tradeoffbench.targets.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.testing.TestTargets;

/** A user the harness cannot load datasets as is told so before anything runs, in one line, with the GRANT. */
class PrivilegeCheckTest {

    @Test
    void aUserWithoutCreateOnItsSchemaIsRefusedBeforeAnythingRuns() throws SQLException {
        Endpoint admin = TestTargets.postgres();
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS tb_locked");
            s.execute("DROP ROLE IF EXISTS tb_reader");
            s.execute("CREATE ROLE tb_reader LOGIN PASSWORD 'r3ader'");
            s.execute("CREATE DATABASE tb_locked");
        }
        try {
            String url = admin.url().replaceFirst("/postgres(\\?.*)?$", "/tb_locked");
            Endpoint reader = PostgresIdentity.read(TargetMode.EXTERNAL, url, "tb_reader", "r3ader");
            assertThatThrownBy(() -> PostgresIdentity.checkCanCreate(reader)).isInstanceOf(TargetException.class)
                    .hasMessage("PostgreSQL user tb_reader may not create tables in schema public (the harness loads "
                            + "its datasets there): GRANT CREATE ON SCHEMA public TO tb_reader, or name a database of "
                            + "its own");
            assertThatCode(() -> PostgresIdentity.checkCanCreate(admin)).doesNotThrowAnyException();
        } finally {
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS tb_locked");
                s.execute("DROP ROLE IF EXISTS tb_reader");
            }
        }
    }
}
