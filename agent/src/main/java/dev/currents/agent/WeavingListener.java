package dev.currents.agent;

import dev.currents.agent.bootstrap.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Says at debug level which classes were woven. A class the agent cannot weave (a library version it does not
 * support) is left as it is, with one debug line: the application must never notice.
 */
final class WeavingListener extends AgentBuilder.Listener.Adapter {

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    AgentLog.debug("instrumented " + type.getName());
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    AgentLog.debug("left " + typeName + " as it is: " + error);
  }
}
