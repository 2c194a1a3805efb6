package dev.currents.testapp;

/** One HTTP client library, driven the way an application would use it. */
public interface ClientAdapter {

  /** Makes the call and returns the response status; throws what the client throws. */
  int execute(Call call) throws Exception;
}
