package dev.currents.simapi;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Gives an {@link Answer} to a Jetty exchange: a response, or the end of the connection. */
final class JettyAnswers {
    private JettyAnswers() {
    }

    static void deliver(Answer answer, Request request, Response response, Callback callback) {
        if (answer instanceof Answer.Reply reply) {
            response.setStatus(reply.status());
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            Content.Sink.write(response, true, reply.body(), callback);
        } else if (answer == Answer.Abort.RESET_CONNECTION) {
            reset(request, callback);
        } else if (answer == Answer.Abort.RESET_STREAM
                && request.getConnectionMetaData().getConnection() instanceof HTTP2Connection http2) {
            resetStream(http2, request, callback);
        } else if (answer == Answer.Abort.GO_AWAY
                && request.getConnectionMetaData().getConnection() instanceof HTTP2Connection http2) {
            // Then the connection ends under the stream: answering it after the GOAWAY would still be allowed.
            EndPoint endPoint = http2.getEndPoint();
            http2.getSession().close(ErrorCode.INTERNAL_ERROR.code, "going away by script", Callback.from(() -> {
                endPoint.close();
                callback.failed(new IOException("connection gone away by script"));
            }));
        } else {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("connection closed by script"));
        }
    }

    /**
     * Resets the request's own stream (an HTTP/2 request's id is its stream's). Failing the response instead would
     * answer a 500.
     */
    private static void resetStream(HTTP2Connection connection, Request request, Callback callback) {
        int streamId = Integer.parseInt(request.getId());
        Stream stream = connection.getSession().getStream(streamId);
        if (stream != null) {
            stream.reset(new ResetFrame(streamId, ErrorCode.INTERNAL_ERROR.code), Callback.NOOP);
        }
        callback.failed(new IOException("stream reset by script"));
    }

    /**
     * SO_LINGER 0 makes the close send a RST instead of a FIN. It has to be the TCP endpoint under TLS,
     * else the TLS layer would first send a polite close_notify.
     */
    private static void reset(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        while (endPoint instanceof EndPoint.Wrapper wrapper) {
            endPoint = wrapper.unwrap();
        }
        try {
            if (endPoint.getTransport() instanceof SocketChannel channel) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException e) {
            // Already gone: the client sees its connection end either way.
        }
        endPoint.close();
        callback.failed(new IOException("connection reset by script"));
    }
}
