package io.eventplatform.prize.fund;

/** A prize with the number of its live winners, as it is shown. */
public record PrizeWithWinners(Prize prize, long winnerCount) {
}
