package com.example.apps.plc;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** JDK 16+ unix-socket channel to the IoT Edge workload API (the SDK no longer ships one). */
final class EdgeletSocketChannel implements UnixDomainSocketChannel {
    private SocketChannel channel;

    @Override
    public void open(String address) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(address));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public int read(byte[] bytes) throws IOException {
        return channel.read(ByteBuffer.wrap(bytes));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
