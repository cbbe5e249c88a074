<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../agent_app/ui/error_text.py" line="+42"/>
        <source>The configuration is invalid: %1</source>
        <translation>配置文件有误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation failed because of an internal error. The details were written to the log.</source>
        <translation>操作因内部错误而失败，详细信息已写入日志。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+184"/>
        <source>About Agent Desk</source>
        <translation>关于客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Agent Desk&lt;/b&gt; %1&lt;br&gt;Customer service hotline for water and gas.</source>
        <translation>&lt;b&gt;客服坐席系统&lt;/b&gt; %1&lt;br&gt;水务、燃气客户服务热线。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Agent Desk</source>
        <translation>关于客服坐席系统(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pages are available for your account. Ask an administrator for access.</source>
        <translation>您的账号还没有可用的功能页面，请联系管理员开通权限。</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <location filename="../../agent_app/ui/status_bar.py" line="+86"/>
        <source>Embedded database</source>
        <translation>嵌入式数据库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disconnected</source>
        <translation>连接中断</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../agent_app/ui/sign_in/window.py" line="+221"/>
        <source>Please enter your account and password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Please enter the database server.</source>
        <translation>请填写数据库服务器地址。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Agent Desk - Sign in</source>
        <translation>客服坐席系统 - 登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service hotline for water and gas</source>
        <translation>水务 · 燃气客户服务热线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account</source>
        <translation>请输入账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember my password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedded database</source>
        <translation>嵌入式数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared database (PostgreSQL)</source>
        <translation>共享数据库 (PostgreSQL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database user</source>
        <translation>数据库用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>
