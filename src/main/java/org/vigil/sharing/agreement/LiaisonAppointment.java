package org.vigil.sharing.agreement;

import java.time.LocalDate;

/**
 * A liaison a provider names (000 三(一)), as typed in: name, post, phone and the first day served.
 */
public record LiaisonAppointment(String name, String post, String phone, LocalDate servingFrom) {
}
