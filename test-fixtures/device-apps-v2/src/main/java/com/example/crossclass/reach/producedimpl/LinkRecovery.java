package com.example.crossclass.reach.producedimpl;

/** What the status callback calls when the link is lost. */
interface LinkRecovery {
    void recover();
}
