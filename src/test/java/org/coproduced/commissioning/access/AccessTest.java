package org.coproduced.commissioning.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port in its default (demo) profile. Every test class with
 * this annotation shares one Spring context.
 *
 * <p>The two properties are what application-demo.yaml and application.yaml are to set (see the
 * access branch's notes); once they are there, they can go from here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
        "coproduction.demo.password=demo",
        "camunda.bpm.generic-properties.properties.enable-expressions-in-stored-queries=true",
        "camunda.bpm.job-execution.enabled=false"
    })
public @interface AccessTest {}
