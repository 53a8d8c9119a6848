package com.example.crossclass.reach.producedimpl;

/** Stands for {@code jakarta.inject.Singleton}: matched by its simple name. */
@interface Singleton {}
