package org.vigil.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;
import org.vigil.identity.Parsed;
import org.vigil.identity.Rejection;

/**
 * Reads one of Vigil's own clean CSV exchange files (UTF-8, header row, ISO dates) row by row,
 * with typed field access that records every problem with its row and column instead of failing
 * on the first. Department files, with their encodings and habits, go through ingestion instead.
 */
public final class CsvTable {

    /** At most this many problems are collected before reading stops: enough to fix a file by. */
    public static final int MAX_PROBLEMS = 100;

    private final Path file;
    private final List<String> required;

    private CsvTable(Path file, List<String> required) {
        this.file = file;
        this.required = List.copyOf(required);
    }

    public static CsvTable of(Path file, String... requiredColumns) {
        return new CsvTable(file, List.of(requiredColumns));
    }

    /** Handles one row; problems go through the row's accessors. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(Row row) throws Exception;
    }

    /**
     * Reads every row. Throws {@link BadInputException} listing the problems when there were any,
     * after the whole file (or {@link #MAX_PROBLEMS}) was read; the caller's transaction then
     * rolls back whatever the handler wrote.
     *
     * @return the number of data rows read
     */
    public long forEachRow(RowHandler handler) {
        String name = file.getFileName().toString();
        List<FileProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(List.of(new FileProblem(name, 0, "", null, "file not found")));
        }
        long rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Header header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = new Header(record.getFields());
                    List<String> missing = header.missing(required);
                    if (!missing.isEmpty()) {
                        throw new BadInputException(List.of(new FileProblem(name, record.getStartingLineNumber(),
                                String.join(",", missing), null, "required column(s) missing from the header")));
                    }
                    continue;
                }
                rows++;
                Row row = new Row(name, header, record, problems);
                if (record.getFieldCount() != header.names.size()) {
                    row.problem("", null, "expected " + header.names.size() + " fields, found " + record.getFieldCount());
                }
                else {
                    handler.accept(row);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
            if (header == null) {
                throw new BadInputException(List.of(new FileProblem(name, 0, "", null, "the file is empty")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + name + ": " + e.getMessage(), e);
        }
        catch (BadInputException | UncheckedIOException e) {
            throw e;
        }
        catch (RuntimeException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new BadInputException(List.of(new FileProblem(name, 0, "", null, "not valid UTF-8")));
            }
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("failed while loading " + name + " at data row " + rows + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return rows;
    }

    private record Header(List<String> names) {
        int index(String column) {
            return names.indexOf(column);
        }

        List<String> missing(List<String> required) {
            Set<String> present = Set.copyOf(names);
            return required.stream().filter(c -> !present.contains(c)).toList();
        }
    }

    /** One data row, with typed accessors that record problems. */
    public static final class Row {
        private final String file;
        private final Header header;
        private final CsvRecord record;
        private final List<FileProblem> problems;

        private Row(String file, Header header, CsvRecord record, List<FileProblem> problems) {
            this.file = file;
            this.header = header;
            this.record = record;
            this.problems = problems;
        }

        public long line() {
            return record.getStartingLineNumber();
        }

        /** The raw text, trimmed; null when the column is absent or the field empty. */
        public String text(String column) {
            int i = header.index(column);
            if (i < 0) {
                return null;
            }
            String v = record.getField(i).strip();
            return v.isEmpty() ? null : v;
        }

        public String requiredText(String column) {
            String v = text(column);
            if (v == null) {
                problem(column, null, "a value is required");
            }
            return v;
        }

        /** Applies a kernel parser; a rejection becomes a problem and the result is null. */
        public <T> T parsed(String column, boolean required, java.util.function.Function<String, Parsed<T>> parser) {
            String v = required ? requiredText(column) : text(column);
            if (v == null) {
                return null;
            }
            Parsed<T> parsed = parser.apply(v);
            if (parsed instanceof Parsed.Invalid<T> invalid) {
                Rejection r = invalid.rejection();
                problems.add(FileProblem.of(file, line(), column, v, r));
                return null;
            }
            return parsed.orElseThrow();
        }

        public LocalDate date(String column, boolean required) {
            String v = required ? requiredText(column) : text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            }
            catch (DateTimeParseException e) {
                problem(column, v, "not a date in the form yyyy-MM-dd");
                return null;
            }
        }

        public BigDecimal decimal(String column, int scale) {
            String v = requiredText(column);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.scale() > scale) {
                    problem(column, v, "more than " + scale + " decimal places");
                    return null;
                }
                return d.setScale(scale);
            }
            catch (NumberFormatException e) {
                problem(column, v, "not a number");
                return null;
            }
        }

        public boolean bool(String column) {
            String v = text(column);
            if (v == null || v.equalsIgnoreCase("false")) {
                return false;
            }
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            problem(column, v, "expected true or false");
            return false;
        }

        public <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
            String v = required ? requiredText(column) : text(column);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v);
            }
            catch (IllegalArgumentException e) {
                problem(column, v, "expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        public void problem(String column, String value, String reason) {
            problems.add(new FileProblem(file, line(), column, value, reason));
        }

        /** Whether this row has recorded no problem so far. */
        public boolean clean() {
            return problems.isEmpty() || problems.get(problems.size() - 1).row() != line();
        }
    }
}
