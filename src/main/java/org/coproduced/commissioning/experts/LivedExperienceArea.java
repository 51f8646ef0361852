package org.coproduced.commissioning.experts;

/** One area of lived experience experts can share and requests can ask for. */
public record LivedExperienceArea(String code, String label, int position, boolean active) {}
