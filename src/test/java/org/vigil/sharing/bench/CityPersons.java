package org.vigil.sharing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The persons of a generated city's {@code agency/persons.csv} (the registry the bench loads), held
 * compactly for drawing millions of rows from them: names as one UTF-8 byte array, IDs as 17 digits
 * in a long plus the check character, phones as numbers (0 for none). About 30 bytes a person.
 */
final class CityPersons {

    private final byte[] names;
    private final int[] nameStart;
    private final long[] first17;
    private final byte[] check;
    private final long[] phones;
    /** Every ID as {@code first17 * 11 + check value}, sorted, to tell whether an ID is a registry person's. */
    private final long[] sortedIds;

    private CityPersons(byte[] names, int[] nameStart, long[] first17, byte[] check, long[] phones) {
        this.names = names;
        this.nameStart = nameStart;
        this.first17 = first17;
        this.check = check;
        this.phones = phones;
        this.sortedIds = new long[first17.length];
        for (int i = 0; i < first17.length; i++) {
            sortedIds[i] = key(first17[i], check[i]);
        }
        Arrays.sort(sortedIds);
    }

    /** Reads {@code id_number,name,gender,birth_date,region_code,address,phone}. */
    static CityPersons read(Path personsCsv) {
        ByteArrayOutputStream nameBytes = new ByteArrayOutputStream(1 << 20);
        int capacity = 1 << 16;
        int[] starts = new int[capacity + 1];
        long[] ids = new long[capacity];
        byte[] checks = new byte[capacity];
        long[] phoneNumbers = new long[capacity];
        int n = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(personsCsv, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    header = false;
                    if (!"id_number".equals(record.getField(0))) {
                        throw new IllegalArgumentException(personsCsv + " does not start with id_number");
                    }
                    continue;
                }
                if (n == capacity) {
                    capacity *= 2;
                    starts = Arrays.copyOf(starts, capacity + 1);
                    ids = Arrays.copyOf(ids, capacity);
                    checks = Arrays.copyOf(checks, capacity);
                    phoneNumbers = Arrays.copyOf(phoneNumbers, capacity);
                }
                String id = record.getField(0);
                if (id.length() != 18) {
                    throw new IllegalArgumentException("not an 18-character ID in " + personsCsv + ": " + id);
                }
                ids[n] = Long.parseLong(id.substring(0, 17));
                checks[n] = (byte) id.charAt(17);
                String phone = record.getField(record.getFieldCount() - 1);
                phoneNumbers[n] = phone.length() == 11 && phone.chars().allMatch(Character::isDigit) ? Long.parseLong(phone) : 0;
                starts[n] = nameBytes.size();
                nameBytes.writeBytes(record.getField(1).getBytes(StandardCharsets.UTF_8));
                n++;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + personsCsv, e);
        }
        starts[n] = nameBytes.size();
        return new CityPersons(nameBytes.toByteArray(), Arrays.copyOf(starts, n + 1), Arrays.copyOf(ids, n),
                Arrays.copyOf(checks, n), Arrays.copyOf(phoneNumbers, n));
    }

    int size() {
        return first17.length;
    }

    long first17(int person) {
        return first17[person];
    }

    char check(int person) {
        return (char) check[person];
    }

    /** The phone number, 0 when the registry has none. */
    long phone(int person) {
        return phones[person];
    }

    byte[] names() {
        return names;
    }

    int nameStart(int person) {
        return nameStart[person];
    }

    int nameEnd(int person) {
        return nameStart[person + 1];
    }

    String name(int person) {
        return new String(names, nameStart[person], nameStart[person + 1] - nameStart[person], StandardCharsets.UTF_8);
    }

    /** Whether a registry person has this ID. */
    boolean contains(long first17, char check) {
        return Arrays.binarySearch(sortedIds, key(first17, check)) >= 0;
    }

    private static long key(long first17, int check) {
        return first17 * 11 + (check == 'X' ? 10 : check - '0');
    }
}
