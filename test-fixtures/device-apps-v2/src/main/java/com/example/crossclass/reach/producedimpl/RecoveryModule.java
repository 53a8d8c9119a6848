package com.example.crossclass.reach.producedimpl;

/** The container module: binds LinkRecovery to the HttpRecovery it injects here. */
class RecoveryModule {
    @Provides
    LinkRecovery httpRecovery(HttpRecovery recovery) {
        return recovery;
    }
}
