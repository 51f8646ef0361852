package org.coproduced.commissioning.modelcheck;

import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * One definition a call activity would start: the process model, and how a modeller finds it.
 *
 * @param description for example "version 3 of 'involvement-request' (deployment 42)"
 * @param process the called process, read from its model
 * @param inThisDeployment whether it arrives with the model that calls it (then it is checked
 *     there too, and refused there with its own reasons)
 */
record CalledDefinition(String description, Process process, boolean inThisDeployment) {}
