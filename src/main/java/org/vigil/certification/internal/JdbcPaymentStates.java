package org.vigil.certification.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.AmountHistory;
import org.vigil.certification.PaymentState;
import org.vigil.certification.PaymentStates;
import org.vigil.certification.PaymentStatus;
import org.vigil.identity.Money;

/** Payment state and amount history in the certification schema. */
@Service
class JdbcPaymentStates implements PaymentStates {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPaymentStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public PaymentState state(long recipientId) {
        return jdbc.sql("select * from certification.payment_state where recipient_id = :id").param("id", recipientId)
                .query((rs, n) -> new PaymentState(recipientId, PaymentStatus.valueOf(rs.getString("status")),
                        month(rs.getDate("paid_through")), month(rs.getDate("suspended_from")),
                        month(rs.getDate("suspension_month"))))
                .optional().orElseGet(() -> PaymentState.paying(recipientId));
    }

    @Override
    public AmountHistory amounts(long recipientId) {
        List<AmountHistory.Change> changes = new ArrayList<>(jdbc.sql("""
                        select from_month, monthly_amount from certification.amount_change
                         where recipient_id = :id order by from_month""")
                .param("id", recipientId)
                .query((rs, n) -> new AmountHistory.Change(YearMonth.from(rs.getDate(1).toLocalDate()),
                        Money.of(rs.getBigDecimal(2))))
                .list());
        if (changes.isEmpty()) {
            changes.add(seed(recipientId));
        }
        return new AmountHistory(changes);
    }

    @Override
    @Transactional
    public void changeAmount(long recipientId, YearMonth from, Money monthly) {
        AmountHistory.Change seed = seed(recipientId);
        jdbc.sql("""
                insert into certification.amount_change (recipient_id, from_month, monthly_amount)
                select :id, cast(:seedFrom as date), :seedAmount
                 where not exists (select 1 from certification.amount_change where recipient_id = :id)
                   and cast(:seedFrom as date) <> cast(:changeFrom as date)""")
                .param("id", recipientId).param("seedFrom", seed.from().atDay(1))
                .param("seedAmount", seed.monthly().yuan()).param("changeFrom", from.atDay(1))
                .update();
        jdbc.sql("""
                insert into certification.amount_change (recipient_id, from_month, monthly_amount)
                values (:id, :from, :amount)
                on conflict (recipient_id, from_month) do update set monthly_amount = excluded.monthly_amount""")
                .param("id", recipientId).param("from", from.atDay(1)).param("amount", monthly.yuan())
                .update();
    }

    @Override
    @Transactional
    public void reportPaidThrough(long recipientId, YearMonth month) {
        seed(recipientId);
        jdbc.sql("""
                insert into certification.payment_state (recipient_id, status, paid_through, changed_at)
                values (:id, 'PAYING', :month, :now)
                on conflict (recipient_id) do update set paid_through = excluded.paid_through,
                    changed_at = excluded.changed_at""")
                .param("id", recipientId).param("month", month.atDay(1)).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The amount the agency loaded, from the month the benefit started. */
    private AmountHistory.Change seed(long recipientId) {
        return jdbc.sql("select benefit_start, monthly_amount from certification.recipient where id = :id")
                .param("id", recipientId)
                .query((rs, n) -> new AmountHistory.Change(YearMonth.from(rs.getDate(1).toLocalDate()),
                        Money.of(rs.getBigDecimal(2))))
                .optional().orElseThrow(() -> new IllegalArgumentException("no recipient " + recipientId + " / 无此待遇领取人"));
    }

    private static YearMonth month(Date d) {
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }
}
