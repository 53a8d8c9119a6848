package com.example.edge;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Unix domain socket transport for the IoT Edge workload API (the SDK asks us for one since 2.x), built on the
 * JDK's own AF_UNIX support.
 */
public class EdgeSocketChannel implements UnixDomainSocketChannel {
  private SocketChannel channel;

  @Override
  public void open(String address) throws IOException {
    channel = SocketChannel.open(UnixDomainSocketAddress.of(address));
  }

  @Override
  public void write(byte[] output) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(output);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public int read(byte[] input) throws IOException {
    return channel.read(ByteBuffer.wrap(input));
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
