package dev.currents.testapp.springboot;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Spring Boot service of {@link OrdersService}, started on first use. A call runs its three call sites one
 * after the other against the call's URL, the first with the call's first {@code Authorization} header, the
 * second with its second, the third with its third (three keys, so three chains the API throttles apart);
 * the answer is the first status that is not 200, else 200.
 */
public final class OrdersServiceAdapter implements ClientAdapter, AutoCloseable {

  private final ConfigurableApplicationContext context = OrdersService.start();

  public OrdersServiceAdapter(boolean async) {
    if (async) {
      throw new IllegalArgumentException("the service's call sites are blocking");
    }
  }

  @Override
  public int execute(Call call) {
    String url = call.uri.toString();
    int[] statuses = {
      OrdersService.projectsViaRestClient(context.getBean(RestClient.class), url, authorization(call, 0)),
      OrdersService.projectsViaWebClient(context.getBean(WebClient.class), url, authorization(call, 1)),
      OrdersService.projectsViaRestTemplate(context.getBean(RestTemplate.class), url, authorization(call, 2)),
    };
    for (int status : statuses) {
      if (status != 200) {
        return status;
      }
    }
    return 200;
  }

  private static String authorization(Call call, int index) {
    int seen = 0;
    for (String[] header : call.headers) {
      if (header[0].equalsIgnoreCase("Authorization") && seen++ == index) {
        return header[1];
      }
    }
    throw new IllegalArgumentException("the call needs three Authorization headers");
  }

  @Override
  public void close() {
    context.close();
  }
}
