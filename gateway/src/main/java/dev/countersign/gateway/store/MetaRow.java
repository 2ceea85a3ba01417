package dev.countersign.gateway.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of H2's schema meta table ({@code table.0}): the object's type (org.h2.engine.DbObject's constants) and
 * the SQL H2 replays to re-create it when the database opens. {@link #normalised()} removes only what differs
 * between two files our own migrations made; {@link #describe()} names the object for a user, never quoting its SQL.
 */
record MetaRow(int type, String sql) {
    static final int TABLE_OR_VIEW = 0;
    static final int INDEX = 1;
    static final int USER = 2;
    static final int SEQUENCE = 3;
    static final int TRIGGER = 4;
    static final int CONSTRAINT = 5;
    static final int SETTING = 6;
    static final int ROLE = 7;
    static final int RIGHT = 8;
    static final int FUNCTION_ALIAS = 9;
    static final int SCHEMA = 10;
    static final int CONSTANT = 11;
    static final int DOMAIN = 12;
    static final int COMMENT = 13;
    static final int AGGREGATE = 14;
    static final int SYNONYM = 15;

    private static final String ID = "\"(?:[^\"]|\"\")*\"";
    // The creating user: its name is whatever the opener chose, its salt is random and its hash depends on both.
    private static final Pattern USER_ROW =
            Pattern.compile("CREATE USER IF NOT EXISTS " + ID + " SALT '[0-9a-f]*' HASH '[0-9a-f]*' ADMIN");
    // The H2 build that created the file; H2 itself is pinned, and a file of a format it cannot read fails earlier.
    private static final Pattern CREATE_BUILD = Pattern.compile("SET CREATE_BUILD [0-9]+");
    // An identity column's sequence is named with a random UUID, in the table's row and in the sequence's row.
    private static final Pattern SYSTEM_SEQUENCE = Pattern.compile(
            "\"SYSTEM_SEQUENCE_[0-9A-F]{8}_[0-9A-F]{4}_[0-9A-F]{4}_[0-9A-F]{4}_[0-9A-F]{12}\"");
    // A sequence's current value, written once it has been used (inserting a policy, CHANGE_SEQ on every change).
    private static final Pattern RESTART_WITH = Pattern.compile(" RESTART WITH -?[0-9]+(?= |$)");
    // A column's selectivity (0..100), a planner statistic H2's automatic ANALYZE writes into the table's row once
    // enough rows have changed (found by inserting 50,000 rows). It follows the column's data type.
    private static final Pattern SELECTIVITY = Pattern.compile(" SELECTIVITY [0-9]{1,3}(?=[ ,\n])");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("(?:" + ID + "\\.)?(" + ID + ")");
    private static final int MAX_NAME = 60;

    /** The row with only what legitimately varies replaced, so that it can be compared with a reference row. */
    String normalised() {
        String s = sql;
        switch (type) {
            case USER -> s = USER_ROW.matcher(s).matches() ? "CREATE USER IF NOT EXISTS ? SALT ? HASH ? ADMIN" : s;
            case SETTING -> s = CREATE_BUILD.matcher(s).matches() ? "SET CREATE_BUILD ?" : s;
            case SEQUENCE -> s = SYSTEM_SEQUENCE.matcher(RESTART_WITH.matcher(s).replaceFirst(""))
                    .replaceAll("\"SYSTEM_SEQUENCE_?\"");
            case TABLE_OR_VIEW -> s = SELECTIVITY.matcher(
                    SYSTEM_SEQUENCE.matcher(s).replaceAll("\"SYSTEM_SEQUENCE_?\"")).replaceAll("");
            default -> { }
        }
        return type + ":" + s;
    }

    /** What the row is, for a message: {@code a trigger "TR" on "PROPOSAL"}. H2 writes its keywords in capitals. */
    String describe() {
        return switch (type) {
            case TABLE_OR_VIEW -> describeTable();
            case INDEX -> "an index " + name(" INDEX ") + on();
            case USER -> "a user " + name(" USER ");
            case SEQUENCE -> "a sequence " + name(" SEQUENCE ");
            case TRIGGER -> "a trigger " + name(" TRIGGER ") + on();
            case CONSTRAINT -> "a constraint " + name(" CONSTRAINT ") + " on " + name("ALTER TABLE ");
            case SETTING -> "a setting " + settingName();
            case ROLE -> "a role " + name(" ROLE ");
            case RIGHT -> "a grant of rights";
            case FUNCTION_ALIAS -> "a Java function (alias) " + name(" ALIAS ");
            case SCHEMA -> "a schema " + name(" SCHEMA ");
            case CONSTANT -> "a constant " + name(" CONSTANT ");
            case DOMAIN -> "a domain " + name(" DOMAIN ");
            case COMMENT -> "a comment";
            case AGGREGATE -> "a user-defined aggregate " + name(" AGGREGATE ");
            case SYNONYM -> "a synonym " + name(" SYNONYM ");
            default -> "an object of unknown type " + type;
        };
    }

    private String describeTable() {
        String name = name(" TABLE ");
        if (sql.startsWith("CREATE LINKED TABLE") || sql.startsWith("CREATE FORCE LINKED TABLE")) {
            return "a linked table " + name;
        }
        if (sql.matches("(?s)CREATE (OR REPLACE )?(FORCE )?(MATERIALIZED )?VIEW .*")) {
            return "a view " + name(" VIEW ");
        }
        return "a table " + name;
    }

    /** The first (possibly schema-qualified) quoted name after {@code keyword}, without its schema. */
    private String name(String keyword) {
        int at = sql.indexOf(keyword);
        if (at < 0) {
            return "?";
        }
        Matcher m = QUALIFIED_NAME.matcher(sql);
        if (!m.find(at + keyword.length()) || m.start() != at + keyword.length()) {
            return "?";
        }
        return printable(m.group(1), "\"");
    }

    private String on() {
        String table = name(" ON ");
        return table.equals("?") ? "" : " on " + table;
    }

    private String settingName() {
        String[] words = sql.split("\\s+", 3);
        return printable(words.length > 1 ? words[1] : "?", "");
    }

    /** A name from the file, cut short and without control characters, safe to put in a message. */
    private static String printable(String name, String closing) {
        String s = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" + closing : name;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
