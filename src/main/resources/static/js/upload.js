// Uploads files one by one to POST /api/documents with the key from sessionStorage, showing each file's outcome
// and the overall progress. Without this file the form posts to /upload and the server does the same.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.fetch) return;
  var key = document.getElementById('key');
  var files = document.getElementById('files');
  var box = document.getElementById('progress-box');
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');
  var table = document.getElementById('outcomes');
  var body = table.querySelector('tbody');
  var reasons = {
    unsupported_media_type: '不支持的文件类型', payload_too_large: '文件太大', no_text: '没有可提取的文字',
    encrypted: '文件已加密', corrupt: '文件已损坏', parse_timeout: '解析超时', missing_file: '没有文件'
  };
  try { key.value = sessionStorage.getItem('policy-api-key') || ''; } catch (e) { /* storage disabled */ }

  function row(name) {
    var tr = document.createElement('tr');
    var a = document.createElement('td'); a.textContent = name;
    var b = document.createElement('td'); b.textContent = '等待中';
    tr.append(a, b); body.appendChild(tr); table.hidden = false;
    return { set: function (state, message, url) {
      tr.className = state; b.textContent = '';
      if (url) { var link = document.createElement('a'); link.href = url; link.textContent = message; b.appendChild(link); }
      else b.textContent = message;
    } };
  }

  function title(id) {
    return fetch('/api/documents/' + encodeURIComponent(id)).then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (d) { return d.title || id; }, function () { return id; });
  }

  function send(file, r) {
    r.set('working', '上传中…');
    var data = new FormData(); data.append('file', file);
    return fetch('/api/documents', { method: 'POST', headers: { 'X-API-Key': key.value.trim() }, body: data })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (json) {
          if (res.status === 201 && json.duplicateOf) {
            return title(json.duplicateOf).then(function (t) { r.set('duplicate', '与「' + t + '」重复', '/documents/' + json.duplicateOf); });
          }
          if (res.status === 201) return r.set('ok', '已入库', '/documents/' + json.id);
          if (res.status === 200) return r.set('exists', '已存在', '/documents/' + json.id);
          if (res.status === 401) return r.set('refused', '拒收：API 密钥不正确');
          var reason = reasons[json.code];
          var detail = json.detail || ('HTTP ' + res.status);
          r.set('refused', '拒收：' + (reason ? reason + '（' + detail + '）' : detail));
        });
      }, function () { r.set('refused', '失败：无法连接服务'); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    try { sessionStorage.setItem('policy-api-key', key.value.trim()); } catch (err) { /* storage disabled */ }
    var list = Array.prototype.slice.call(files.files);
    if (!list.length) return;
    box.hidden = false; bar.max = list.length; bar.value = 0;
    var rows = list.map(function (f) { return row(f.name); });
    var done = 0;
    text.textContent = '0 / ' + list.length;
    list.reduce(function (p, f, i) {
      return p.then(function () { return send(f, rows[i]); }).then(function () {
        done++; bar.value = done; text.textContent = done + ' / ' + list.length + (done === list.length ? '，完成' : '');
      });
    }, Promise.resolve()).then(function () { files.value = ''; });
  });
})();
