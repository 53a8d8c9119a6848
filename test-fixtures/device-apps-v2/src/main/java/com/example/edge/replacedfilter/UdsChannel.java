package com.example.edge.replacedfilter;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;

import java.io.IOException;

/** 2.x needs the app to bring its own unix domain socket channel (normally jnr-unixsocket). */
public class UdsChannel implements UnixDomainSocketChannel {
    @Override public void open(String address) throws IOException { throw new IOException("not on this box"); }
    @Override public void write(byte[] output) throws IOException { }
    @Override public int read(byte[] inputBuffer) throws IOException { return -1; }
    @Override public void close() throws IOException { }
}
