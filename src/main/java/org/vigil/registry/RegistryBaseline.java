package org.vigil.registry;

import java.nio.file.Path;

/**
 * Loads the agency's existing records into the registry (REG-3): communities, people, employers and their
 * enrollments, from Vigil's clean CSV exchange files. Each load is one transaction, validates
 * every row before anything is kept, and adds only what is not there yet, so running it twice
 * changes nothing.
 */
public interface RegistryBaseline {

    /**
     * Columns {@code code,name,township_code}: the communities and villages under the streets and
     * towns of the division table. A community whose street or town the table does not know is
     * refused, as is a code that does not start with its township's.
     */
    LoadReport loadCommunities(Path csv);

    /** Columns {@code id_number,name,gender,birth_date,region_code,address,phone}. */
    LoadReport loadPersons(Path csv);

    /** Columns {@code credit_code,name,region_code,registered_on}. */
    LoadReport loadEmployers(Path csv);

    /** Columns {@code id_number,scheme,credit_code,start_date,end_date}. */
    LoadReport loadEnrollments(Path csv);
}
