package org.vigil.simulator.internal;

import java.util.Arrays;

/** Benefit recipients (CERT-1) as parallel arrays; the agency's file and the ground truth both read them. */
final class Recipients {

    static final byte ENTERPRISE_PENSION = 0;
    static final byte INSTITUTION_PENSION = 1;
    static final byte RESIDENT_PENSION = 2;
    static final byte WORK_INJURY = 3;
    static final byte DEPENDENT = 4;
    static final String[] KIND_NAMES = {"ENTERPRISE_PENSION", "INSTITUTION_PENSION", "RESIDENT_PENSION", "WORK_INJURY",
        "DEPENDENT"};

    static final byte SPOUSE = 0;
    static final byte CHILD = 1;
    static final byte GRANDCHILD = 2;
    static final byte SIBLING = 3;
    static final byte PARENT = 4;
    static final byte OTHER = 5;
    static final String[] RELATION_NAMES = {"SPOUSE", "CHILD", "GRANDCHILD", "SIBLING", "PARENT", "OTHER"};

    /** Why a dependent stopped being eligible, besides death and custody (CERT-9). */
    static final byte LOSS_NONE = 0;
    static final byte LOSS_AGE_LIMIT = 1;
    static final byte LOSS_ADOPTED = 2;
    static final byte LOSS_REMARRIED = 3;
    static final byte LOSS_EMPLOYED = 4;
    static final byte LOSS_ENLISTED = 5;
    static final String[] LOSS_NAMES = {"", "AGE_LIMIT", "ADOPTED", "REMARRIED", "EMPLOYED", "ENLISTED"};

    /** Fraud cases, as bits: the ones the agency should find. */
    static final int FRAUD_DEATH_UNREPORTED = 1;
    static final int FRAUD_DEATH_SINGLE_SOURCE = 2;
    static final int FRAUD_DEAD_ACCOUNT_USED = 4;
    static final int FRAUD_CUSTODY_BENEFIT_CONTINUES = 8;
    static final String[] FRAUD_NAMES = {"DEATH_UNREPORTED", "DEATH_SINGLE_SOURCE", "DEAD_ACCOUNT_USED",
        "CUSTODY_BENEFIT_CONTINUES"};

    int count;
    int[] person = new int[1024];
    byte[] kind = new byte[1024];
    byte[] relation = new byte[1024];
    int[] worker = new int[1024];
    int[] start = new int[1024];
    long[] amountCents = new long[1024];
    long[] bankAccount = new long[1024];
    int[] payingCounty = new int[1024];
    int[] employer = new int[1024];
    int[] lastCertified = new int[1024];
    int[] grade = new int[1024];
    /** Whether the agency still pays the benefit at the start (a death or custody it already knew of ends that). */
    boolean[] inAgency = new boolean[1024];
    int[] lossDay = new int[1024];
    byte[] lossReason = new byte[1024];
    int[] fraud = new int[1024];
    /** Day from which the fraud case exists (death or custody start); NEVER if none. */
    int[] fraudSince = new int[1024];

    int add(int p, byte k) {
        if (count == person.length) {
            int n = count * 2;
            person = Arrays.copyOf(person, n);
            kind = Arrays.copyOf(kind, n);
            relation = Arrays.copyOf(relation, n);
            worker = Arrays.copyOf(worker, n);
            start = Arrays.copyOf(start, n);
            amountCents = Arrays.copyOf(amountCents, n);
            bankAccount = Arrays.copyOf(bankAccount, n);
            payingCounty = Arrays.copyOf(payingCounty, n);
            employer = Arrays.copyOf(employer, n);
            lastCertified = Arrays.copyOf(lastCertified, n);
            grade = Arrays.copyOf(grade, n);
            inAgency = Arrays.copyOf(inAgency, n);
            lossDay = Arrays.copyOf(lossDay, n);
            lossReason = Arrays.copyOf(lossReason, n);
            fraud = Arrays.copyOf(fraud, n);
            fraudSince = Arrays.copyOf(fraudSince, n);
        }
        int r = count++;
        person[r] = p;
        kind[r] = k;
        relation[r] = -1;
        worker[r] = -1;
        employer[r] = -1;
        inAgency[r] = true;
        lossDay[r] = Dates.NEVER;
        fraudSince[r] = Dates.NEVER;
        return r;
    }

    boolean isDependent(int r) {
        return kind[r] == DEPENDENT;
    }

    /** Dependents whose benefit ends at 18: children, grandchildren, siblings (unless unable to work). */
    boolean endsAtEighteen(int r) {
        return kind[r] == DEPENDENT && (relation[r] == CHILD || relation[r] == GRANDCHILD || relation[r] == SIBLING);
    }
}
