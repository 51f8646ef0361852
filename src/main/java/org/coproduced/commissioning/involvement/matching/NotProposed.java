package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Verdict;

/**
 * Someone in the pool who is not on a proposal, with why, in words a coordinator can act on, and
 * what could change it, and the hours they gave or are booked for in the 90 days up to the
 * session. {@code canCome} is true for people who could still be asked; {@code
 * otherRequestId} names the session in the way when they are booked at the same time.
 */
public record NotProposed(Expert expert, Verdict verdict, int recentHours, boolean canCome, String why, String whatCouldChange,
    Long otherRequestId) {}
