package com.example.crossclass.reach.producedimpl;

/** Stands for Guice's {@code @Provides}: LinkGuard matches producer annotations by their simple name. */
@interface Provides {}
