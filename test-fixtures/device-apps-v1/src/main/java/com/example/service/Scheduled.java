package com.example.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents how often a method is run by the bean's scheduler (the scheduling itself is done in init). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scheduled {
  long fixedRateSeconds() default 0;

  long fixedDelaySeconds() default 0;
}
