package io.hearth.activity.repository;

import java.time.LocalDate;

/**
 * A member's check-ins in a community summed up: how many days, the longest run and the last day; the last two are
 * null when there are none.
 */
public record CheckInTotals(Long days, Integer longestStreak, LocalDate lastDay) {
}
