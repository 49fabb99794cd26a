package org.vigil.certification.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.vault.PersonVault;

/**
 * This module's side of personal data at rest (DATA-15, ADR 0035): its tables name persons by the
 * vault's number and keep names and bank accounts sealed, and what is shown or written out is
 * opened here, a block of rows at a time, only for the rows that are shown.
 */
@Component
class Persons {

    /** Where a recipient's name is sealed: part of the value's associated data, with the person number. */
    static final String NAME = "certification.recipient.name";
    static final String BANK_ACCOUNT = "certification.recipient.bank_account";
    /** Rows opened together while a list or file streams. */
    static final int BLOCK = 1000;

    private static final HexFormat HEX = HexFormat.of();

    private final PersonVault vault;
    private final SealedValues sealed;

    Persons(PersonVault vault, KeyService keys) {
        this.vault = vault;
        this.sealed = new SealedValues(keys);
    }

    PersonVault vault() {
        return vault;
    }

    byte[] sealName(long person, String name) {
        return sealed.seal(NAME, person, name);
    }

    String openName(long person, byte[] stored) {
        return sealed.open(NAME, person, stored);
    }

    byte[] sealBankAccount(long person, String account) {
        return sealed.seal(BANK_ACCOUNT, person, account);
    }

    String openBankAccount(long person, byte[] stored) {
        return sealed.open(BANK_ACCOUNT, person, stored);
    }

    /**
     * The person number of an ID number someone typed, without recording it: empty for a text that
     * is not a valid ID, or one the vault has never seen (then no table here names them either).
     */
    Optional<Long> find(String idNumber) {
        long key = idNumber == null ? 0 : RunRecipients.key(idNumber.strip());
        return key == 0 ? Optional.empty() : vault.find(key);
    }

    String idNumber(long person) {
        return vault.idNumber(person);
    }

    /** The ID keys of the persons, opened together. */
    long[] idKeys(long[] persons) {
        long[] out = new long[persons.length];
        if (persons.length > 0) {
            vault.idKeysOf(persons, persons.length, out);
        }
        return out;
    }

    /** Rows read with their person number and sealed name, made whole once the block is opened. */
    <T> List<T> open(List<Pending<T>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        long[] persons = new long[rows.size()];
        for (int i = 0; i < persons.length; i++) {
            persons[i] = rows.get(i).person();
        }
        long[] keys = idKeys(persons);
        List<T> out = new ArrayList<>(rows.size());
        for (int i = 0; i < persons.length; i++) {
            Pending<T> p = rows.get(i);
            out.add(p.make().with(IdKeys.unpack(keys[i]), p.name() == null ? null : openName(p.person(), p.name())));
        }
        return out;
    }

    /** Hands streamed rows on in blocks of {@value #BLOCK}, each opened together; {@link Blocks#flush} the rest. */
    <T> Blocks<T> blocks(Consumer<List<T>> sink) {
        return new Blocks<>(this, sink);
    }

    /** A sealed value as COPY's text form of a bytea. */
    static String copyText(byte[] stored) {
        return stored == null ? null : "\\x" + HEX.formatHex(stored);
    }

    /** The birth date an ID key's ID states (characters 7–14), as an epoch day; the loader checked it. */
    static int birthDay(long idKey) {
        long date = (idKey / 11 / 1000) % 100_000_000L;
        return (int) java.time.LocalDate.of((int) (date / 10_000), (int) (date / 100 % 100), (int) (date % 100))
                .toEpochDay();
    }

    /** Characters 7–14 of a resident ID are the birth date; the recipient loader checked them. */
    static java.time.LocalDate birthDate(String idNumber) {
        return java.time.LocalDate.of(Integer.parseInt(idNumber, 6, 10, 10), Integer.parseInt(idNumber, 10, 12, 10),
                Integer.parseInt(idNumber, 12, 14, 10));
    }

    /** A row that names a person by number, with its sealed name (null when it has none). */
    record Pending<T>(long person, byte[] name, Identified<T> make) {
    }

    /** Makes the row once its person's ID number and name are open. */
    @FunctionalInterface
    interface Identified<T> {
        T with(String idNumber, String name);
    }

    /** Rows collected while a query streams, opened a block at a time. */
    static final class Blocks<T> {
        private final Persons persons;
        private final Consumer<List<T>> sink;
        private final List<Pending<T>> block = new ArrayList<>(BLOCK);

        private Blocks(Persons persons, Consumer<List<T>> sink) {
            this.persons = persons;
            this.sink = sink;
        }

        void add(Pending<T> row) {
            block.add(row);
            if (block.size() == BLOCK) {
                flush();
            }
        }

        void flush() {
            if (!block.isEmpty()) {
                List<T> opened = persons.open(block);
                block.clear();
                sink.accept(opened);
            }
        }
    }
}
