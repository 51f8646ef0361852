package org.coproduced.commissioning.access;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The Camunda groups people work in. Process models name the first three as candidate groups;
 * the ids are part of the process contract, so they never change.
 */
public final class AccessGroups {

  public static final String COMMISSIONERS = "commissioners";
  public static final String COORDINATORS = "coordinators";
  public static final String EXPERTS = "experts";
  public static final String AUDITORS = "auditors";
  /** The group the Camunda webapps treat as administrators (the starter's admin user joins it). */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  /** Everyone who works for the council here: they may read the application's pages about a cycle. */
  public static final String[] STAFF = {COMMISSIONERS, COORDINATORS, AUDITORS, ADMINISTRATORS};

  private AccessGroups() {}
}
